using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Controller.Persistence.Conversions;

/// <summary>
/// Normalises a <see cref="DateTimeOffset"/> to UTC, truncated to whole microseconds (PostgreSQL
/// only). Npgsql refuses to write a non-zero offset to <c>timestamptz</c>, and agents report
/// their local offsets; truncating here makes the stored value the same one SQLite stores.
/// </summary>
public sealed class UtcTimestampConverter : ValueConverter<DateTimeOffset, DateTimeOffset>
{
    public UtcTimestampConverter()
        : base(value => ToUtcMicroseconds(value), value => value)
    {
    }

    /// <summary>The same instant at offset zero, truncated to whole microseconds.</summary>
    public static DateTimeOffset ToUtcMicroseconds(DateTimeOffset value) =>
        UnixMicrosecondsConverter.FromUnixMicroseconds(UnixMicrosecondsConverter.ToUnixMicroseconds(value));
}
