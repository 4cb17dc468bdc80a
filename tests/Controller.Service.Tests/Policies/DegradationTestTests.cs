using Controller.Service.Policies;

namespace Controller.Service.Tests.Policies;

public sealed class DegradationTestTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.6448536269514722, 0.95)]
    [InlineData(-2.3263478740408408, 0.01)]
    public void NormalCdf_KnownQuantiles_WithinApproximationError(double x, double expected) =>
        Assert.Equal(expected, DegradationTest.NormalCdf(x), 6);

    [Fact]
    public void Degradation_SameDistribution_None()
    {
        var random = new Random(1);
        var a = Enumerable.Range(0, 500).Select(_ => (random.NextDouble(), random.NextDouble() < 0.1)).ToList();
        var b = Enumerable.Range(0, 500).Select(_ => (random.NextDouble(), random.NextDouble() < 0.1)).ToList();

        Assert.Null(DegradationTest.Degradation(a, b, 0.01, 0.05, 0.02));
    }

    [Fact]
    public void Degradation_MoreViolationsSameReward_NamesTheViolationRate()
    {
        var random = new Random(2);
        var candidate = Enumerable.Range(0, 500).Select(_ => (random.NextDouble(), random.NextDouble() < 0.3)).ToList();
        var baseline = Enumerable.Range(0, 500).Select(_ => (random.NextDouble(), random.NextDouble() < 0.1)).ToList();

        Assert.Contains("budget-violation rate", DegradationTest.Degradation(candidate, baseline, 0.01, 0.05, 0.02), StringComparison.Ordinal);
    }

    [Fact]
    public void Degradation_RewardDropWithinMargin_None()
    {
        var random = new Random(3);
        var candidate = Enumerable.Range(0, 2_000).Select(_ => (random.NextDouble() - 0.02, false)).ToList();
        var baseline = Enumerable.Range(0, 2_000).Select(_ => (random.NextDouble(), false)).ToList();

        Assert.Null(DegradationTest.Degradation(candidate, baseline, 0.01, 0.05, 0.02));
    }
}
