using Controller.Learning.Metrics;

namespace Controller.Learning.Tests.Metrics;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 seeds")]
    [InlineData(1, "1 seed")]
    [InlineData(2, "2 seeds")]
    [InlineData(20, "20 seeds")]
    public void Of_Count_NounInTheRightNumber(long count, string expected)
    {
        Assert.Equal(expected, Plural.Of(count, "seed"));
    }

    [Fact]
    public void Of_IrregularPlural_UsesIt()
    {
        Assert.Equal("3 indices", Plural.Of(3, "index", "indices"));
        Assert.Equal("1 index", Plural.Of(1, "index", "indices"));
    }
}
