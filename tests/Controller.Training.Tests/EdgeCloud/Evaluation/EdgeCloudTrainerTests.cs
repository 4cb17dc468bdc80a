using Controller.Learning.Algorithms;
using Controller.Training.EdgeCloud.Environments;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Training.Tests.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.Tests.EdgeCloud.Evaluation;

/// <summary>Training and loading edge–cloud bundles with either draft-length naming.</summary>
public sealed class EdgeCloudTrainerTests : IDisposable
{
    private static readonly EdgeCloudEnvironmentOptions Options = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"edge-cloud-trainer-{Guid.NewGuid():N}");

    [Theory]
    [InlineData(DraftLengthActions.RelativeToPlanner, 129)]
    [InlineData(DraftLengthActions.Absolute, 73)]
    public void Train_EitherDraftActions_LoadsAndPlaysAWindowWithAllowedActions(DraftLengthActions draftActions, int actions)
    {
        var outcome = EdgeCloudTrainer.Train(new EdgeCloudTrainingRequest(LearnerKind.Parse("rc-ppo"), Options, 256, 0, _root, "tiny", draftActions));
        var policy = EdgeCloudTrainer.Load("tiny", outcome.BundleDirectory, Options);

        Assert.Equal(draftActions, policy.DraftActions);
        Assert.Equal(actions, policy.Policy.Actions.Count);
        Assert.Equal(draftActions, EdgeCloudPolicySettings.Load(outcome.BundleDirectory).DraftActions);
        Assert.Equal(Options.SloMissesPerWindow, EdgeCloudPolicySettings.Load(outcome.BundleDirectory).SloMissesPerWindow);
        var environment = EdgeCloudWorld.CreateEnvironment(Options);
        var outcomes = EdgeCloudTestWorld.PlayWindow(environment, 11, (env, observation, mask) => policy.ChooseAction(env, observation, mask));
        Assert.NotEmpty(outcomes);
    }

    [Fact]
    public void Load_SettingsWrittenBeforeDraftActions_ReadAsAbsoluteWithUnrecordedSloAllowance()
    {
        var directory = WriteSettings("old", "rc-ppo", extraFields: "");

        var settings = EdgeCloudPolicySettings.Load(directory);

        Assert.Equal(DraftLengthActions.Absolute, settings.DraftActions);
        Assert.Null(settings.SloMissesPerWindow);
        Assert.Contains("misses allowed not recorded", settings.Describe(Options), StringComparison.Ordinal);
        Assert.Contains("absolute k", settings.Describe(Options), StringComparison.Ordinal);
        Assert.Null(settings.PlannerPriorSharpness);
        Assert.Contains("no planner prior", settings.Describe(Options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rc-ppo", 5.0)]
    [InlineData("rc-a2c", 5.0)]
    [InlineData("rc-dqn", null)]
    public void Train_DefaultPlannerPrior_IsRecordedForPolicyGradientLearnersOnly(string algorithm, double? expected)
    {
        var outcome = EdgeCloudTrainer.Train(new EdgeCloudTrainingRequest(LearnerKind.Parse(algorithm), Options, 64, 0, _root, algorithm));

        Assert.Equal(expected, EdgeCloudPolicySettings.Load(outcome.BundleDirectory).PlannerPriorSharpness);
        Assert.Equal(expected, EdgeCloudTrainer.Load(algorithm, outcome.BundleDirectory, Options).PriorSharpness);
    }

    [Theory]
    [InlineData("rc-ppo", "-1")]
    [InlineData("rc-ppo", "1000")]
    [InlineData("rc-ppo", "\"NaN\"")] // not a JSON number: refused by the reader, naming the field
    [InlineData("rc-dqn", "5")]
    public void Load_BadPlannerPrior_ThrowsNamingTheField(string algorithm, string value)
    {
        var directory = WriteSettings("bad-prior", algorithm, $", \"plannerPriorSharpness\": {value}");

        var ex = Assert.Throws<InvalidDataException>(() => EdgeCloudPolicySettings.Load(directory));

        Assert.Contains("plannerPriorSharpness", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(101)]
    public void Train_BadPlannerPrior_ThrowsBeforeTraining(double sharpness)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            EdgeCloudTrainer.Train(new EdgeCloudTrainingRequest(LearnerKind.Parse("rc-ppo"), Options, 64, 0, _root, "bad", PriorSharpness: sharpness)));

        Assert.Contains("β", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "bad")));
    }

    [Fact]
    public void Load_UnknownDraftActionsNumber_ThrowsNamingTheField()
    {
        var directory = WriteSettings("bad", "rc-ppo", ", \"draftActions\": 7");

        var ex = Assert.Throws<InvalidDataException>(() => EdgeCloudPolicySettings.Load(directory));

        Assert.Contains("draftActions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_TrainedWithAnotherSloAllowance_NamesTheDifference()
    {
        var settings = EdgeCloudPolicySettings.From("rc-ppo", Options with { SloMissesPerWindow = 2 }, 10, 0, 1, DraftLengthActions.RelativeToPlanner, plannerPriorSharpness: 5);

        Assert.Contains("differs from this evaluation in: SLO misses allowed", settings.Describe(Options), StringComparison.Ordinal);
        Assert.Contains("k relative to the planner's k*", settings.Describe(Options), StringComparison.Ordinal);
        Assert.Contains("planner prior β = 5", settings.Describe(Options), StringComparison.Ordinal);
    }

    /// <summary>Writes an <c>edge-cloud.json</c> as an older or hand-edited bundle would have it: the required fields plus <paramref name="extraFields"/>.</summary>
    private string WriteSettings(string name, string algorithm, string extraFields)
    {
        var directory = Path.Combine(_root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, EdgeCloudPolicySettings.FileName), $$"""
            { "algorithm": "{{algorithm}}", "devices": ["iphone-15-pro"], "networks": ["Lte"], "energyBudgetJoules": 2000, "spendBudgetUsd": 0.1,
              "latencySloMs": 20000, "windowSeconds": 600, "maxDraftLength": 8, "maskOverBudget": true, "thermal": true, "steps": 10,
              "seed": 0, "trainSeconds": 1, "world": "w"{{extraFields}} }
            """);
        return directory;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
