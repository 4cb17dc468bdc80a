using Controller.Training.OffPolicy;
using Controller.Training.OffPolicy.Estimators;

namespace Controller.Training.Tests.OffPolicy;

/// <summary>Each estimator's value and interval against values worked out by hand on <see cref="Logs.HandWorked"/>.</summary>
public sealed class EstimatorHandComputedTests
{
    // Weights π(a)/μ: 0.25/0.5, 0.75/0.5, 0.75/0.25, 0.25/0.75.
    private static readonly double[] Weights = [0.5, 1.5, 3.0, 1.0 / 3.0];
    private static readonly double[] Rewards = [1.0, 2.0, 4.0, 0.0];

    [Fact]
    public void Ips_HandWorkedLog_MeanOfWeightedRewardsWithCltInterval()
    {
        var estimate = new InverseProbabilityScoring().Estimate(new OutcomeSample(Weights, Rewards));

        // Terms w·y = 0.5, 3, 12, 0: mean 15.5/4; squared deviations from 3.875 sum to 93.1875.
        Assert.Equal(3.875, estimate.Value, 12);
        var se = Math.Sqrt(93.1875 / 3 / 4);
        Assert.Equal(se, estimate.StandardError, 12);
        Assert.Equal(3.875 - (1.959963984540054 * se), estimate.Lower, 12);
        Assert.Equal(3.875 + (1.959963984540054 * se), estimate.Upper, 12);
    }

    [Fact]
    public void SelfNormalizedIps_HandWorkedLog_RatioWithDeltaMethodInterval()
    {
        var estimate = new SelfNormalizedIps().Estimate(new OutcomeSample(Weights, Rewards));

        // Σwy = 15.5, Σw = 16/3 → 2.90625. u = w(y − V̂) = −0.953125, −1.359375, 3.28125, −0.96875; Σu² = 14.46142578125.
        Assert.Equal(2.90625, estimate.Value, 12);
        Assert.Equal(Math.Sqrt(14.46142578125 * 4 / 3) / (16.0 / 3.0), estimate.StandardError, 12);
        Assert.Equal(EstimatorKind.SelfNormalizedIps, estimate.Estimator);
    }

    [Fact]
    public void DoublyRobust_HandWorkedPredictions_DirectPlusWeightedResidual()
    {
        // q̂(0) = 0.5, q̂(1) = 2.5 everywhere: direct = 0.25·0.5 + 0.75·2.5 = 2.
        var direct = new[] { 2.0, 2.0, 2.0, 2.0 };
        var logged = new[] { 0.5, 2.5, 2.5, 0.5 };
        var estimate = new DoublyRobust().Estimate(new OutcomeSample(Weights, Rewards, direct, logged));

        // Terms: 2 + 0.5·0.5 = 2.25, 2 + 1.5·(−0.5) = 1.25, 2 + 3·1.5 = 6.5, 2 + (1/3)(−0.5) = 11/6.
        double[] terms = [2.25, 1.25, 6.5, 11.0 / 6.0];
        var mean = terms.Average();
        Assert.Equal(71.0 / 24.0, estimate.Value, 12);
        Assert.Equal(Math.Sqrt(terms.Sum(t => (t - mean) * (t - mean)) / 3 / 4), estimate.StandardError, 12);
    }

    [Fact]
    public void DoublyRobust_PerfectModel_EqualsDirectWhateverTheWeights()
    {
        // With q̂ equal to every observed outcome, the residuals vanish and DR is the model's prediction for the target.
        var estimate = new DoublyRobust().Estimate(new OutcomeSample(Weights, Rewards, [1.0, 1.0, 1.0, 1.0], Rewards));

        Assert.Equal(1.0, estimate.Value, 12);
        Assert.Equal(0.0, estimate.StandardError, 12);
    }

    [Fact]
    public void DoublyRobust_NoPredictions_RefusesNamingTheModel()
    {
        var error = Assert.Throws<ArgumentException>(() => new DoublyRobust().Estimate(new OutcomeSample(Weights, Rewards)));

        Assert.Contains("outcome model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HandWorkedLog_IpsAndSnipsForRewardAndEachCost()
    {
        var report = OffPolicyEvaluator.Evaluate(Logs.HandWorked(), Logs.QuarterThreeQuarters, new OffPolicyOptions { OutcomeModel = null });

        Assert.Equal(3.875, report.Reward.Ips.Value, 12);
        Assert.Equal(2.90625, report.Reward.SelfNormalizedIps.Value, 12);
        Assert.Null(report.Reward.DoublyRobust);
        // Energy 2, 4, 6, 8: IPS (1 + 6 + 18 + 8/3)/4, SNIPS that sum over 16/3.
        var energy = report.Find(CostNames.EnergyJoules)!;
        Assert.Equal((1 + 6 + 18 + (8.0 / 3.0)) / 4, energy.Ips.Value, 12);
        Assert.Equal((1 + 6 + 18 + (8.0 / 3.0)) / (16.0 / 3.0), energy.SelfNormalizedIps.Value, 12);
        Assert.Equal([OutcomeColumn.RewardName, .. CostNames.Service], report.Outcomes.Select(o => o.Outcome));
    }

    [Fact]
    public void Evaluate_HandWorkedLog_WeightDiagnosticsByHand()
    {
        var report = OffPolicyEvaluator.Evaluate(Logs.HandWorked(), Logs.QuarterThreeQuarters, new OffPolicyOptions { OutcomeModel = null });

        // Σw = 16/3, Σw² = 0.25 + 2.25 + 9 + 1/9.
        var sumOfSquares = 0.25 + 2.25 + 9 + (1.0 / 9.0);
        Assert.Equal(16.0 / 3.0 * (16.0 / 3.0) / sumOfSquares, report.Weights.EffectiveSampleSize, 12);
        Assert.Equal(4.0 / 3.0, report.Weights.MeanWeight, 12);
        Assert.Equal(3.0, report.Weights.MaxWeight, 12);
        Assert.Equal(4, report.Weights.MatchingDecisions);
        Assert.Equal(0, report.Weights.CappedDecisions);
    }

    [Fact]
    public void Evaluate_WeightCap_CapsTheLargestWeightAndCountsIt()
    {
        var report = OffPolicyEvaluator.Evaluate(Logs.HandWorked(), Logs.QuarterThreeQuarters, new OffPolicyOptions { OutcomeModel = null, WeightCap = 2 });

        // The weight 3 becomes 2: IPS terms 0.5, 3, 8, 0.
        Assert.Equal(11.5 / 4, report.Reward.Ips.Value, 12);
        Assert.Equal(1, report.Weights.CappedDecisions);
        Assert.Equal(2.0, report.Weights.MaxWeight, 12);
    }

    [Fact]
    public void Evaluate_TargetIsTheLoggingPolicy_WeightsOneAndIpsIsTheSampleMean()
    {
        // The logging policy took action 0 with 0.5 in every record: evaluating it on its own log is the on-policy mean.
        LoggedDecision[] log = [Logs.Record(0, 0.5, 1), Logs.Record(1, 0.5, 3), Logs.Record(1, 0.5, 2), Logs.Record(0, 0.5, 6)];
        var report = OffPolicyEvaluator.Evaluate(log, new Logs.FixedTarget("same", [0.5, 0.5]), new OffPolicyOptions { OutcomeModel = null });

        Assert.Equal(3.0, report.Reward.Ips.Value, 12);
        Assert.Equal(3.0, report.Reward.SelfNormalizedIps.Value, 12);
        Assert.Equal(4.0, report.Weights.EffectiveSampleSize, 12);
    }
}
