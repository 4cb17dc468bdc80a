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
    public void Update_PidSmoothedOverFallingAndUnderBudgetCosts_FollowsHandComputedMultipliers()
    {
        // Budget 10, Kp 0.5, Ki 0.2, Kd 1, smoothing 0.5: c̄ ← 0.5·c̄ + 0.5·c, P on c̄ − budget, I on the raw error.
        var multipliers = Pid(new PidGains(Proportional: 0.5, Integral: 0.2, Derivative: 1.0, CostSmoothing: 0.5));
        double[] costs = [14, 12, 8, 6, 6, 16];
        // c̄:        14     13     10.5   8.25   7.125  11.5625
        // I:         0.8    1.2    0.8    0      0      1.2      (would be −0.8 before the last update without anti-windup)
        // Δc̄ ≥ 0:   —      0      0      0      0      4.4375   (−1 and −2.5 without the clamp)
        // λ = clip(0.5·(c̄ − 10) + I + Δc̄, 0, 100):
        double[] expected = [2.8, 2.7, 1.05, 0, 0, 6.41875];

        var trajectory = costs.Select(cost =>
        {
            multipliers.Update([Episode(latency: cost, usage: 0)]);
            return multipliers.Values[0];
        }).ToArray();

        Assert.Equal(expected, trajectory, (e, a) => Math.Abs(e - a) < 1e-12);
    }

    [Fact]
    public void Update_PidCostFallingButAboveBudget_DerivativeTermClampedAtZero()
    {
        var multipliers = Pid(new PidGains(Proportional: 1, Integral: 0, Derivative: 1));

        multipliers.Update([Episode(latency: 14, usage: 0)]);
        multipliers.Update([Episode(latency: 12, usage: 0)]);

        // Falling cost must not pull λ below the proportional term 1·(12 − 10): an unclamped Kd·Δc would give 0.
        Assert.Equal(2.0, multipliers.Values[0], 12);
    }

    [Fact]
    public void Update_PidLongUnderBudget_IntegralDoesNotWindUpBelowZero()
    {
        var multipliers = Pid(new PidGains(Proportional: 0, Integral: 1, Derivative: 0));

        multipliers.Update([Episode(latency: 5, usage: 0)]);
        multipliers.Update([Episode(latency: 5, usage: 0)]);
        multipliers.Update([Episode(latency: 12, usage: 0)]);

        // The first overrun prices at once: I = max(0, 0 + 2). A wound-up integral (−5, −10, then −8) would leave λ at 0.
        Assert.Equal(2.0, multipliers.Values[0], 12);
    }

    [Fact]
    public void Update_PidTwoConstraints_EachMultiplierFollowsItsOwnCost()
    {
        var multipliers = new LagrangeMultipliers(
            new ConstraintSettings(
                [new ConstraintBudget("latency_s", 10), new ConstraintBudget("usage_usd", 0.05)],
                Pid: new PidGains(Proportional: 1, Integral: 0.5, Derivative: 1, CostSmoothing: 0.5)),
            Spec);

        multipliers.Update([Episode(latency: 12, usage: 0.08)]);
        // latency: c̄ 12, I 1, λ = 2 + 1 = 3; usage: c̄ 0.08, I 0.015, λ = 0.03 + 0.015 = 0.045.
        Assert.Equal(3.0, multipliers.Values[0], 12);
        Assert.Equal(0.045, multipliers.Values[1], 12);

        multipliers.Update([Episode(latency: 14, usage: 0.04)]);
        // latency rising: c̄ 13, I 3, Δ 1, λ = 3 + 3 + 1 = 7; usage falling: c̄ 0.06, I 0.01, Δ clamped, λ = 0.01 + 0.01 = 0.02.
        Assert.Equal(7.0, multipliers.Values[0], 12);
        Assert.Equal(0.02, multipliers.Values[1], 12);
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

    private static LagrangeMultipliers Pid(PidGains gains) =>
        new(new ConstraintSettings([new ConstraintBudget("latency_s", 10)], Pid: gains), Spec);

    private static EpisodeStatistics Episode(double latency, double usage) => new(0, [latency, usage, 0], 3);
}
