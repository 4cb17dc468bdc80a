using Controller.Learning.Algorithms;
using Controller.Learning.Policies;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Training.Tests.Tmo.Evaluation;

public sealed class TrainerTests
{
    [Fact]
    public void TrainThenEvaluate_TinyRcA2c_BundleLoadsAndRunsWithinBudget()
    {
        var root = Path.Combine(Path.GetTempPath(), $"tmo-policies-{Guid.NewGuid():N}");
        try
        {
            var dataset = SyntheticGenerator.Generate(new SyntheticScenario(Dialogues: 20, Seed: 1));
            var request = new TmoTrainingRequest(dataset, LearnerKind.Parse("rc-a2c"), TmoDeviceProfile.Default, TmoNetworkProfile.Get("linear"), new TmoEnvironmentOptions(), 500, 0, root, "tiny");

            var outcome = TmoTrainer.Train(request);

            Assert.True(File.Exists(Path.Combine(outcome.BundleDirectory, PolicyBundleSerializer.ManifestFile)));
            Assert.True(File.Exists(outcome.LearningCurveFile));
            Assert.Equal(["latency_s", "usage_usd"], outcome.Multipliers.Keys.Order());
            var settings = TmoPolicySettings.Load(outcome.BundleDirectory);
            Assert.Equal("rc-a2c", settings.Algorithm);
            Assert.True(settings.MaskOverBudget);
            Assert.Equal(TmoObservationMode.ImprovedWithRewards, settings.Observation);
            Assert.True(outcome.TrainCpuSeconds > 0, "the run's processor time is measured");
            Assert.Equal(outcome.TrainCpuSeconds, settings.TrainCpuSeconds);

            var report = TmoEvaluator.Run(
                dataset,
                new EvaluationSettings([0], TmoDeviceProfile.Default, TmoNetworkProfile.Get("linear"), new TmoEnvironmentOptions()),
                [LearnedPolicyMethods.Create(Path.Combine(root, "tiny"))]);

            var row = Assert.Single(report.Summaries);
            Assert.Equal("RC-A2C (tiny)", row.Method);
            Assert.Equal(0.0, row.LatencyViolationShare.Mean);
            Assert.Equal(0.0, row.UsageViolationShare.Mean);
            Assert.True(report.CpuSeconds > 0, "the evaluation's processor time is measured");
            var provenance = Assert.Single(report.Provenance!);
            Assert.Contains("RC-A2C (tiny): rc-a2c, 500 steps, trained with device jetson-tx2, network linear", provenance);
            Assert.EndsWith("same settings as this evaluation", provenance);
            Assert.Contains("* " + provenance, ReportWriters.Markdown(report));

            var elsewhere = TmoEvaluator.Provenance("m", settings, new EvaluationSettings([0], TmoDeviceProfile.Get("raspberry-pi-4b"), TmoNetworkProfile.Get("linear"), new TmoEnvironmentOptions { LatencyBudgetS = 20 }));
            Assert.EndsWith("differs from this evaluation in device, budgets", elsewhere);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void Parse_UnknownAlgorithm_ListsKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => LearnerKind.Parse("sarsa"));

        Assert.Contains("unknown algorithm 'sarsa'", error.Message);
        Assert.Contains("rc-ppo", error.Message);
    }

    [Fact]
    public void Create_MissingPolicyDirectory_NamesIt()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => LearnedPolicyMethods.Create("/no/such/policy"));

        Assert.Contains("/no/such/policy", error.Message);
    }
}
