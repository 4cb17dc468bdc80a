using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Controller.Persistence.Conversions;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC microseconds since the Unix epoch (SQLite only).
/// SQLite keeps DateTimeOffset as text that EF cannot compare or order in SQL; an integer can be.
/// Microseconds match PostgreSQL's <c>timestamptz</c> resolution, so both providers round-trip the
/// same value. Values read back have offset zero.
/// </summary>
public sealed class UnixMicrosecondsConverter : ValueConverter<DateTimeOffset, long>
{
    public UnixMicrosecondsConverter()
        : base(value => ToUnixMicroseconds(value), micros => FromUnixMicroseconds(micros))
    {
    }

    /// <summary>UTC microseconds since 1970-01-01T00:00:00Z, truncated toward the earlier instant.</summary>
    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        Math.DivRem(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.TicksPerMicrosecond) switch
        {
            (var quotient, < 0) => quotient - 1,
            (var quotient, _) => quotient,
        };

    /// <summary>The instant <paramref name="micros"/> microseconds after the Unix epoch, offset zero.</summary>
    public static DateTimeOffset FromUnixMicroseconds(long micros) =>
        DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);
}
