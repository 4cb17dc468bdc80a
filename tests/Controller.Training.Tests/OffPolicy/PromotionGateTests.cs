using Controller.Training.OffPolicy;
using Controller.Training.OffPolicy.Gate;
using Controller.Training.OffPolicy.KnownAnswer;

namespace Controller.Training.Tests.OffPolicy;

public sealed class PromotionGateTests
{
    private const string Method = "test";

    private static PolicyValueEstimate Interval(EstimatorKind kind, double lower, double upper) =>
        new(kind, (lower + upper) / 2, (upper - lower) / (2 * 1.959963984540054), lower, upper, Method);

    private static OutcomeEstimates Outcome(string name, double lower, double upper) =>
        new(name, Interval(EstimatorKind.Ips, lower, upper), Interval(EstimatorKind.SelfNormalizedIps, lower, upper), Interval(EstimatorKind.DoublyRobust, lower, upper));

    /// <summary>A candidate whose reward interval is [0.90, 1.00] and whose cloud spend interval is [usdLow, usdHigh].</summary>
    private static OffPolicyReport Candidate(int decisions = 5000, double usdLow = 0.0010, double usdHigh = 0.0020) =>
        new("candidate@2", decisions, [new LoggingPolicyCount("baseline-greedy", "1", decisions)],
            new WeightDiagnostics(decisions / 3.0, 1.0, 12, decisions, 0, null),
            [Outcome(OutcomeColumn.RewardName, 0.90, 1.00), Outcome(CostNames.EnergyJoules, 10, 14), Outcome(CostNames.CloudUsd, usdLow, usdHigh), Outcome(CostNames.LatencyMs, 900, 1100)],
            "model");

    private static readonly ActivePolicyValue Active = new("baseline-greedy@1", 0.80, "on-policy mean");

    private static PromotionCriteria Criteria(double usdBudget = 0.0025, int minimum = 1000) =>
        new(minimum, new Dictionary<string, double> { [CostNames.EnergyJoules] = 20, [CostNames.CloudUsd] = usdBudget, [CostNames.LatencyMs] = 1500 });

    [Fact]
    public void Judge_CostUpperBoundAboveBudget_RefusedEvenWithAHigherRewardBound()
    {
        var verdict = PromotionGate.Judge(Candidate(usdHigh: 0.0031), Active, Criteria(usdBudget: 0.0025));

        Assert.False(verdict.Passes);
        Assert.True(verdict.Checks.Single(c => c.Name == "reward").Passed);
        var cost = verdict.Checks.Single(c => c.Name == "cost cloud_usd");
        Assert.False(cost.Passed);
        Assert.Equal(0.0031, cost.Observed);
        Assert.Equal(0.0025, cost.Threshold);
        Assert.Equal(["cost cloud_usd: DoublyRobust upper bound 0.0031 (estimate 0.00205) > budget 0.0025 per decision"], verdict.Reasons);
    }

    [Fact]
    public void Judge_TooFewDecisions_RefusedNamingTheCountAndMinimum()
    {
        var verdict = PromotionGate.Judge(Candidate(decisions: 400), Active, Criteria(minimum: 1000));

        Assert.False(verdict.Passes);
        Assert.Equal(["decisions: 400 logged decisions < the minimum 1000"], verdict.Reasons);
    }

    [Fact]
    public void Judge_ClearlyBetterAndFeasible_PassesWithEveryCheckListed()
    {
        var verdict = PromotionGate.Judge(Candidate(), Active, Criteria());

        Assert.True(verdict.Passes);
        Assert.Empty(verdict.Reasons);
        Assert.Equal(["decisions", "effective sample size", "reward", "cost energy_j", "cost cloud_usd", "cost latency_ms"], verdict.Checks.Select(c => c.Name));
        var reward = verdict.Checks.Single(c => c.Name == "reward");
        Assert.Equal(0.90, reward.Observed);
        Assert.Equal(0.80, reward.Threshold);
    }

    [Fact]
    public void Judge_RewardLowerBoundNotAboveActive_Refused()
    {
        var verdict = PromotionGate.Judge(Candidate(), Active with { RewardEstimate = 0.95 }, Criteria());

        Assert.False(verdict.Passes);
        Assert.StartsWith("reward: DoublyRobust lower bound 0.9 (estimate 0.95) ≤ baseline-greedy@1's 0.95", verdict.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_RewardMargin_RaisesTheBar()
    {
        var verdict = PromotionGate.Judge(Candidate(), Active, Criteria() with { RewardMargin = 0.15 });

        Assert.False(verdict.Passes);
        Assert.Equal(0.95, verdict.Checks.Single(c => c.Name == "reward").Threshold, 12);
    }

    [Fact]
    public void Judge_CostWithoutBudget_RefusedAsUnchecked()
    {
        var budgets = new Dictionary<string, double> { [CostNames.EnergyJoules] = 20, [CostNames.LatencyMs] = 1500 };

        var verdict = PromotionGate.Judge(Candidate(), Active, new PromotionCriteria(1000, budgets));

        Assert.Equal(["cost cloud_usd: no budget configured for this cost: an unchecked cost cannot pass"], verdict.Reasons);
    }

    [Fact]
    public void Judge_BudgetForAnUnknownCost_Refused()
    {
        var criteria = Criteria();
        var budgets = new Dictionary<string, double>(criteria.CostBudgets) { ["memory_mb"] = 10 };

        var verdict = PromotionGate.Judge(Candidate(), Active, criteria with { CostBudgets = budgets });

        Assert.Contains("cost memory_mb: a budget is configured but the report has no cost named 'memory_mb'", verdict.Reasons);
    }

    [Fact]
    public void Judge_ReportWithoutDoublyRobust_RefusedWhenTheGateReadsIt()
    {
        var report = Candidate();
        report = report with { Outcomes = [.. report.Outcomes.Select(o => o with { DoublyRobust = null })] };

        var verdict = PromotionGate.Judge(report, Active, Criteria());

        Assert.False(verdict.Passes);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("reward: the report has no DoublyRobust estimate", StringComparison.Ordinal));
        Assert.True(PromotionGate.Judge(report, Active, Criteria() with { Estimator = EstimatorKind.SelfNormalizedIps }).Passes);
    }

    [Fact]
    public void Judge_EffectiveSampleSizeBelowMinimum_Refused()
    {
        var verdict = PromotionGate.Judge(Candidate(decisions: 3000), Active, Criteria() with { MinimumEffectiveSampleSize = 2000 });

        Assert.Equal(["effective sample size: 1000 effective decisions < the minimum 2000"], verdict.Reasons);
    }

    [Fact]
    public void Judge_NegativeBudget_RefusedNamingTheCost()
    {
        var criteria = Criteria() with { CostBudgets = new Dictionary<string, double> { [CostNames.CloudUsd] = -1 } };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PromotionGate.Judge(Candidate(), Active, criteria));

        Assert.Contains("budget of cloud_usd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_KnownProblemEndToEnd_BetterTargetPassesUnderSlackBudgetAndFailsUnderTightSpend()
    {
        // Known problem: the target's true reward is 0.953 per decision against the logging policy's 0.757, its true cloud
        // spend $0.0021775 against the logging policy's $0.001465.
        var problem = KnownBanditProblem.Standard;
        var log = problem.Generate(4000, new Random(21));
        var report = OffPolicyEvaluator.Evaluate(log, problem.TargetPolicy(), new OffPolicyOptions { OutcomeModel = null });
        var active = ActivePolicyValue.FromOwnLogs(log, problem.LoggingName, "1");
        var slack = new Dictionary<string, double> { [CostNames.EnergyJoules] = 30, [CostNames.CloudUsd] = 0.003, [CostNames.LatencyMs] = 2500 };
        var tight = new Dictionary<string, double>(slack) { [CostNames.CloudUsd] = 0.0018 };

        var passes = PromotionGate.Judge(report, active, new PromotionCriteria(1000, slack, EstimatorKind.SelfNormalizedIps));
        var refused = PromotionGate.Judge(report, active, new PromotionCriteria(1000, tight, EstimatorKind.SelfNormalizedIps));

        Assert.True(passes.Passes, string.Join("; ", passes.Reasons));
        Assert.False(refused.Passes);
        Assert.StartsWith("cost cloud_usd:", refused.Reasons.Single(), StringComparison.Ordinal);
        Assert.InRange(active.RewardEstimate, 0.757 - 0.05, 0.757 + 0.05);
    }

    [Fact]
    public void ActiveValue_NoDecisionsByThatPolicy_RefusedNamingIt()
    {
        var error = Assert.Throws<OffPolicyInputException>(() => ActivePolicyValue.FromOwnLogs(Logs.HandWorked(), "rc-ppo", "3"));

        Assert.Contains("no logged decision was made by rc-ppo@3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PerDecisionBudget_DialogueBudgetOverItsMeanTurns_IsTheShare()
    {
        // $0.05 per dialogue over a mean of 8 decisions per dialogue: $0.00625 per decision.
        Assert.Equal(0.00625, PerDecisionBudget.Share(0.05, 8), 15);
    }

    [Fact]
    public void PerDecisionBudget_NoDecisionsPerPeriod_RefusedNamingTheArgument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PerDecisionBudget.Share(0.05, 0));

        Assert.Equal("meanDecisionsPerPeriod", error.ParamName);
    }
}
