using Controller.Learning.Algorithms;
using Controller.Training.Tests.Tmo.Datasets;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Training.Tests.Tmo.Evaluation;

public sealed class HeldOutEvaluationTests
{
    [Fact]
    public void Evaluate_PolicyOfSeed0OnSeed1_RefusesNamingTheLeak()
    {
        var root = Path.Combine(Path.GetTempPath(), $"tmo-held-out-{Guid.NewGuid():N}");
        try
        {
            var dataset = SyntheticGenerator.Generate(new SyntheticScenario(Dialogues: 20, Seed: 1));
            TmoTrainer.Train(new TmoTrainingRequest(dataset, LearnerKind.Parse("rc-a2c"), TmoDeviceProfile.Default, TmoNetworkProfile.Get("linear"), new TmoEnvironmentOptions(), 200, 0, root, "seed0"));
            var settings = new EvaluationSettings([1], TmoDeviceProfile.Default, TmoNetworkProfile.Get("linear"), new TmoEnvironmentOptions());

            var error = Assert.ThrowsAny<Exception>(() => TmoEvaluator.Run(dataset, settings, [LearnedPolicyMethods.Create(Path.Combine(root, "seed0"))]));

            var inner = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.Single() : error;
            Assert.IsType<InvalidDataException>(inner);
            Assert.Contains("trained on", inner.Message);
            Assert.Contains("seed 1", inner.Message);

            // The seed it was trained for is accepted.
            var own = TmoEvaluator.Run(dataset, settings with { Seeds = [0] }, [LearnedPolicyMethods.Create(Path.Combine(root, "seed0"))]);
            Assert.Single(own.Summaries);
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
    public void Train_AnySeed_RecordsExactlyItsTrainingDialogues()
    {
        var root = Path.Combine(Path.GetTempPath(), $"tmo-held-out-{Guid.NewGuid():N}");
        try
        {
            var dataset = SyntheticGenerator.Generate(new SyntheticScenario(Dialogues: 20, Seed: 1));
            var outcome = TmoTrainer.Train(new TmoTrainingRequest(dataset, LearnerKind.Parse("a2c"), TmoDeviceProfile.Default, TmoNetworkProfile.Get("linear"), new TmoEnvironmentOptions(), 100, 3, root, "p"));

            var recorded = TmoPolicySettings.Load(outcome.BundleDirectory).TrainingDialogueIds;

            var split = DatasetSplit.BySeed(dataset.Dialogues, 3);
            Assert.Equal(split.Train.Select(d => d.Id).Order(), recorded);
            Assert.Empty(split.Test.Select(d => d.Id).Intersect(recorded!));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [M4A1Fact]
    public void Estimator_M4A1Split_FittedOnTrainingTurnsOnly()
    {
        var dataset = TmoDataset.LoadM4A1(M4A1Files.DatasetPath);
        var split = DatasetSplit.BySeed(dataset.Dialogues, 4);

        var problem = TmoProblem.Create(dataset, split.Train, TmoDeviceProfile.Default, TmoNetworkProfile.Get("4g"));

        var model = Assert.IsType<NearestNeighbourScoreModel>(problem.Scores);
        Assert.Equal(split.Train.Sum(d => d.Turns.Count), model.PointCount);
        Assert.True(model.PointCount < dataset.Dialogues.Sum(d => d.Turns.Count));
    }
}
