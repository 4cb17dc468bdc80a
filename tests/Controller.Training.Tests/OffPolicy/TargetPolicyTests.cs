using Controller.Learning.Nn;
using Controller.Learning.Policies;
using Controller.Training.OffPolicy;

namespace Controller.Training.Tests.OffPolicy;

public sealed class TargetPolicyTests
{
    private static Policy SmallPolicy()
    {
        var network = Mlp.Create("pi", 3, [8], 4, Activation.Tanh, WeightInit.PolicyHead, new Random(5));
        return new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(3), ActionSpec.Unnamed(4));
    }

    [Fact]
    public void LearnedTarget_LoggedObservation_IsThePolicysMaskedSoftmax()
    {
        var policy = SmallPolicy();
        var decision = new LoggedDecision([0.2f, -1f, 0.5f], [true, false, true, true], 0, 0.5, 1, [1, 1, 1], "p", "1");
        var expected = new float[4];
        policy.ActionProbabilities(decision.Context, decision.ActionMask, expected);

        var probabilities = new double[4];
        new LearnedTargetPolicy("learned", policy).ActionProbabilities(decision, probabilities);

        Assert.Equal(expected.Select(p => (double)p), probabilities);
        Assert.Equal(0.0, probabilities[1]);
        Assert.Equal(1.0, probabilities.Sum(), 5);
    }

    [Fact]
    public void LearnedTarget_ContextOfAnotherSize_RefusedNamingBothSizes()
    {
        var decision = new LoggedDecision([0.2f], [true, true, true, true], 0, 0.5, 1, [1, 1, 1], "p", "1");

        var error = Assert.Throws<OffPolicyInputException>(() => new LearnedTargetPolicy("learned", SmallPolicy()).ActionProbabilities(decision, new double[4]));

        Assert.Contains("takes 3 features; the logged context has 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LearnedTargetOnContextsOfAnotherSize_RefusedNamingTheRecord()
    {
        LoggedDecision[] log =
        [
            new([0.2f], [true, true, true, true], 0, 0.25, 1, [1, 1, 1], "p", "1"),
            new([0.4f], [true, true, true, true], 1, 0.25, 1, [1, 1, 1], "p", "1"),
        ];

        var error = Assert.Throws<OffPolicyInputException>(() => OffPolicyEvaluator.Evaluate(log, new LearnedTargetPolicy("learned", SmallPolicy()), new OffPolicyOptions { OutcomeModel = null }));

        Assert.Equal(0, error.RecordIndex);
        Assert.StartsWith("logged decision 0: target policy 'learned' takes 3 features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LearnedTarget_EvaluatedOnALog_GivesEstimatesForRewardAndCosts()
    {
        var random = new Random(3);
        var log = Enumerable.Range(0, 50)
            .Select(i => new LoggedDecision([(float)random.NextDouble(), 0f, 1f], [true, true, true, true], i % 4, 0.25, i % 4, [1, 2, 3], "uniform", "1"))
            .ToArray();

        var report = OffPolicyEvaluator.Evaluate(log, new LearnedTargetPolicy("learned", SmallPolicy()), new OffPolicyOptions { OutcomeModel = null });

        Assert.Equal("learned", report.TargetPolicy);
        Assert.Equal(4, report.Outcomes.Count);
        // Every cost is the same constant in every record, so SNIPS (scale-free) returns it exactly.
        Assert.Equal(2.0, report.Find(CostNames.CloudUsd)!.SelfNormalizedIps.Value, 9);
        Assert.Equal([new LoggingPolicyCount("uniform", "1", 50)], report.LoggingPolicies);
    }

    [Fact]
    public void DeterministicTarget_WeightIsOneOverPropensityWhereTheLogAgrees()
    {
        LoggedDecision[] log = [Logs.Record(0, 0.8, 1), Logs.Record(1, 0.2, 5), Logs.Record(0, 0.8, 3)];

        var report = OffPolicyEvaluator.Evaluate(log, new DeterministicTargetPolicy("always-0", _ => 0), new OffPolicyOptions { OutcomeModel = null });

        // Weights 1.25, 0, 1.25: IPS (1.25 + 3.75)/3, SNIPS the mean of the agreeing records' rewards.
        Assert.Equal(5.0 / 3.0, report.Reward.Ips.Value, 12);
        Assert.Equal(2.0, report.Reward.SelfNormalizedIps.Value, 12);
        Assert.Equal(2, report.Weights.MatchingDecisions);
    }

    [Fact]
    public void DeterministicTarget_ActionOutOfRange_RefusedNamingIt()
    {
        var error = Assert.Throws<OffPolicyInputException>(() => new DeterministicTargetPolicy("bad", _ => 7).ActionProbabilities(Logs.Record(0, 0.5, 1), new double[2]));

        Assert.Contains("chose action 7, outside the 2 actions", error.Message, StringComparison.Ordinal);
    }
}
