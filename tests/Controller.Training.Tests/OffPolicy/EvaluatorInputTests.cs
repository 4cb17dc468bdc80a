using Controller.Training.OffPolicy;
using Controller.Training.OffPolicy.OutcomeModels;

namespace Controller.Training.Tests.OffPolicy;

/// <summary>Bad logs and bad targets are refused with an error naming the record and the problem, never a crash.</summary>
public sealed class EvaluatorInputTests
{
    private static readonly OffPolicyOptions NoModel = new() { OutcomeModel = null };

    private static OffPolicyInputException Refused(IReadOnlyList<LoggedDecision> log, ITargetPolicy? target = null, OffPolicyOptions? options = null) =>
        Assert.Throws<OffPolicyInputException>(() => OffPolicyEvaluator.Evaluate(log, target ?? Logs.QuarterThreeQuarters, options ?? NoModel));

    private static LoggedDecision[] WithSecond(LoggedDecision second) => [Logs.Record(0, 0.5, 1), second, Logs.Record(1, 0.5, 2)];

    [Fact]
    public void Evaluate_EmptyLog_RefusedAsNoDecisions()
    {
        Assert.Contains("no logged decisions", Refused([]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NullLog_RefusedAsNoDecisions()
    {
        Assert.Contains("no logged decisions", Refused(null!).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneDecision_RefusedAsTooFewForAnInterval()
    {
        Assert.Contains("at least 2", Refused([Logs.Record(0, 0.5, 1)]).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.PositiveInfinity)]
    public void Evaluate_PropensityOutsideZeroOne_RefusedNamingRecordAndValue(double propensity)
    {
        var error = Refused(WithSecond(Logs.Record(1, propensity, 1)));

        Assert.Equal(1, error.RecordIndex);
        Assert.Contains("logged decision 1", error.Message, StringComparison.Ordinal);
        Assert.Contains($"propensity {propensity}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MaskLengthsDisagree_RefusedNamingBothLengths()
    {
        var error = Refused(WithSecond(new LoggedDecision([], [true, true, true], 0, 0.5, 1, [1, 1, 1], "p", "1")));

        Assert.Contains("action mask has 3 actions, record 0 has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ContextLengthsDisagree_RefusedNamingBothLengths()
    {
        var error = Refused(WithSecond(new LoggedDecision([1f], [true, true], 0, 0.5, 1, [1, 1, 1], "p", "1")));

        Assert.Contains("context has 1 features, record 0 has 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CostCountDisagreesWithNames_RefusedListingTheNames()
    {
        var error = Refused(WithSecond(new LoggedDecision([], [true, true], 0, 0.5, 1, [1, 1], "p", "1")));

        Assert.Contains("has 2 costs, expected 3 (energy_j, cloud_usd, latency_ms)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NaNReward_RefusedNamingTheRecord()
    {
        Assert.Contains("logged decision 1: reward is NaN", Refused(WithSecond(Logs.Record(0, 0.5, double.NaN))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InfiniteCost_RefusedNamingTheCost()
    {
        var error = Refused(WithSecond(Logs.Record(0, 0.5, 1, usd: double.PositiveInfinity)));

        Assert.Contains("cost cloud_usd is Infinity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NaNContextFeature_RefusedNamingTheFeature()
    {
        var error = Refused([new LoggedDecision([0f, 1f], [true, true], 0, 0.5, 1, [1, 1, 1], "p", "1"), new LoggedDecision([0f, float.NaN], [true, true], 0, 0.5, 1, [1, 1, 1], "p", "1")]);

        Assert.Contains("context feature 1 is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LoggedActionMasked_Refused()
    {
        var error = Refused(WithSecond(new LoggedDecision([], [true, false], 1, 0.5, 1, [1, 1, 1], "p", "1")));

        Assert.Contains("action 1 was masked when it was taken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ActionOutOfRange_Refused()
    {
        Assert.Contains("action 2 is outside the 2 actions", Refused(WithSecond(Logs.Record(2, 0.5, 1))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TargetNeedsAMaskedAction_RefusedAsUnsupported()
    {
        var error = Refused(WithSecond(new LoggedDecision([], [true, false], 0, 1, 1, [1, 1, 1], "p", "1")));

        Assert.Contains("to action 1, which was masked", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.RecordIndex);
    }

    [Fact]
    public void Evaluate_TargetNeverTakesALoggedAction_RefusedAsNoSupport()
    {
        LoggedDecision[] log = [Logs.Record(0, 0.5, 1), Logs.Record(0, 0.5, 2)];

        var error = Refused(log, new DeterministicTargetPolicy("always-1", _ => 1));

        Assert.Contains("probability 0 to every logged action", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TargetProbabilitiesDoNotSumToOne_Refused()
    {
        var error = Refused(Logs.HandWorked(), new Logs.FixedTarget("half", [0.25, 0.25]));

        Assert.Contains("sum to 0.5, not 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TargetProbabilityNaN_Refused()
    {
        var error = Refused(Logs.HandWorked(), new Logs.FixedTarget("nan", [double.NaN, 1]));

        Assert.Contains("gave action 0 probability NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneCrossFitFold_RefusedNamingTheOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OffPolicyEvaluator.Evaluate(Logs.HandWorked(), Logs.QuarterThreeQuarters, new OffPolicyOptions { OutcomeModel = new ActionMeanOutcomeModel(), CrossFitFolds = 1 }));

        Assert.Equal(nameof(OffPolicyOptions.CrossFitFolds), error.ParamName);
    }

    [Fact]
    public void Evaluate_TooFewRecordsToCrossFit_Refused()
    {
        var options = new OffPolicyOptions { OutcomeModel = new ActionMeanOutcomeModel(), CrossFitFolds = 3 };

        Assert.Contains("needs at least 6", Refused(Logs.HandWorked(), options: options).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FastTreeOnTooFewRecords_RefusedNamingTheMinimum()
    {
        var options = new OffPolicyOptions { OutcomeModel = new FastTreeOutcomeModel() };

        Assert.Contains("FastTree with at least 10 per leaf needs 20", Refused(Logs.HandWorked(), options: options).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NonPositiveWeightCap_RefusedNamingTheOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OffPolicyEvaluator.Evaluate(Logs.HandWorked(), Logs.QuarterThreeQuarters, NoModel with { WeightCap = 0 }));

        Assert.Equal(nameof(OffPolicyOptions.WeightCap), error.ParamName);
    }

    [Fact]
    public void Evaluate_DuplicateCostNames_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => OffPolicyEvaluator.Evaluate(Logs.HandWorked(), Logs.QuarterThreeQuarters, NoModel with { CostNames = ["a", "a", "b"] }));

        Assert.Contains("distinct", error.Message, StringComparison.Ordinal);
    }
}
