using Controller.Persistence.Conversions;

namespace Controller.Persistence.Tests;

public sealed class UnixMicrosecondsConverterTests
{
    [Fact]
    public void ToUnixMicroseconds_Epoch_Zero()
    {
        Assert.Equal(0, UnixMicrosecondsConverter.ToUnixMicroseconds(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void ToUnixMicroseconds_OffsetTime_CountsTheUtcInstant()
    {
        var local = new DateTimeOffset(1970, 1, 1, 5, 30, 0, TimeSpan.FromHours(5.5));

        Assert.Equal(0, UnixMicrosecondsConverter.ToUnixMicroseconds(local));
    }

    [Fact]
    public void ToUnixMicroseconds_SubMicrosecond_TruncatesTowardEarlierInstant()
    {
        Assert.Equal(1, UnixMicrosecondsConverter.ToUnixMicroseconds(DateTimeOffset.UnixEpoch.AddTicks(19)));
        Assert.Equal(-2, UnixMicrosecondsConverter.ToUnixMicroseconds(DateTimeOffset.UnixEpoch.AddTicks(-11)));
        Assert.Equal(-1, UnixMicrosecondsConverter.ToUnixMicroseconds(DateTimeOffset.UnixEpoch.AddTicks(-10)));
    }

    [Fact]
    public void FromUnixMicroseconds_RoundTrip_SameInstantAtOffsetZero()
    {
        var value = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(-3)).AddTicks(1230);

        var back = UnixMicrosecondsConverter.FromUnixMicroseconds(UnixMicrosecondsConverter.ToUnixMicroseconds(value));

        Assert.Equal(value, back);
        Assert.Equal(TimeSpan.Zero, back.Offset);
    }

    [Fact]
    public void UtcTimestampConverter_ToUtcMicroseconds_MatchesSqliteTruncation()
    {
        var value = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(15);

        var normalised = UtcTimestampConverter.ToUtcMicroseconds(value);

        Assert.Equal(TimeSpan.Zero, normalised.Offset);
        Assert.Equal(value.UtcTicks - 5, normalised.UtcTicks);
    }
}
