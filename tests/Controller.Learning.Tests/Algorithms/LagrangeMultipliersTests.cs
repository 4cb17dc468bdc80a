using Controller.Learning.Constraints;
using Controller.Learning.Environments;

namespace Controller.Learning.Tests.Algorithms;

public sealed class LagrangeMultipliersTests
{
    private static readonly EnvironmentSpec Spec = new(2, 2, ["latency_s", "usage_usd", "energy_j"]);

    [Fact]
    public void Update_DualAscent_MovesEachMultiplierByRateTimesViolationAndClipsAtZero()
    {
        var multipliers = new LagrangeMultipliers(
            new ConstraintSettings([new ConstraintBudget("usage_usd", 0.05), new ConstraintBudget("latency_s", 30)], MultiplierLearningRate: 0.1), Spec);

        multipliers.Update([Episode(latency: 40, usage: 0.07), Episode(latency: 20, usage: 0.05)]);

        // usage: mean 0.06 − 0.05 = 0.01 → λ = 0.001; latency: mean 30 − 30 = 0 → λ stays 0.
        Assert.Equal(0.001, multipliers.Values[0], 12);
        Assert.Equal(0.0, multipliers.Values[1]);
        Assert.Equal([1, 0], multipliers.CostIndices);

        multipliers.Update([Episode(latency: 10, usage: 0.0)]);
        Assert.Equal(0.0, multipliers.Values[0]);
    }

    [Fact]
    public void Update_Pid_CombinesProportionalIntegralAndDerivative()
    {
        var multipliers = new LagrangeMultipliers(
            new ConstraintSettings([new ConstraintBudget("latency_s", 10)], Pid: new PidGains(Proportional: 0.5, Integral: 0.1, Derivative: 1.0)), Spec);

        multipliers.Update([Episode(latency: 12, usage: 0)]);
        // e = 2: I = 0.2; no derivative on the first update; λ = 0.5·2 + 0.2 = 1.2.
        Assert.Equal(1.2, multipliers.Values[0], 12);

        multipliers.Update([Episode(latency: 13, usage: 0)]);
        // e = 3: I = 0.5; cost rose by 1: λ = 0.5·3 + 0.5 + 1·1 = 3.0.
        Assert.Equal(3.0, multipliers.Values[0], 12);
    }

    [Fact]
    public void Shape_TwoConstraints_SubtractsPricedCosts()
    {
        var multipliers = new LagrangeMultipliers(
            new ConstraintSettings([new ConstraintBudget("usage_usd", 0.05)], MultiplierLearningRate: 1, InitialMultiplier: 2), Spec);

        Assert.Equal(1f - (2f * 0.25f), multipliers.Shape(1f, [9f, 0.25f, 4f]), 6);
    }

    [Fact]
    public void Constructor_DuplicateBudget_ThrowsNamingCost()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LagrangeMultipliers(
            new ConstraintSettings([new ConstraintBudget("energy_j", 1), new ConstraintBudget("energy_j", 2)]), Spec));

        Assert.Contains("'energy_j'", ex.Message);
    }

    private static EpisodeStatistics Episode(double latency, double usage) => new(0, [latency, usage, 0], 3);
}
