using Controller.Cli.Parsing;

namespace Controller.Cli.Tests.Parsing;

/// <summary>--help shows a duration's default in the form the option accepts.</summary>
public sealed class DurationFormatTests
{
    [Theory]
    [InlineData(30_000, "30s")]
    [InlineData(60_000, "1m")]
    [InlineData(3_600_000, "1h")]
    [InlineData(20, "20ms")]
    [InlineData(200, "200ms")]
    [InlineData(90_000, "90s")]
    public void Format_WholeUnits_ShortestForm(int milliseconds, string expected)
    {
        Assert.Equal(expected, new Duration(TimeSpan.FromMilliseconds(milliseconds)).ToString());
    }

    [Theory]
    [InlineData(20)]
    [InlineData(1_500)]
    [InlineData(30_000)]
    [InlineData(7_200_000)]
    public void Format_ThenParse_GivesTheSameDuration(int milliseconds)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        Assert.True(DurationParser.TryParse(DurationParser.Format(duration), out var parsed, out var error), error);
        Assert.Equal(duration, parsed);
    }

    [Fact]
    public void Format_FractionOfAMillisecond_StillParsesBack()
    {
        var duration = TimeSpan.FromTicks(15_000_001);

        Assert.True(DurationParser.TryParse(DurationParser.Format(duration), out var parsed, out var error), error);
        Assert.Equal(duration, parsed);
    }
}
