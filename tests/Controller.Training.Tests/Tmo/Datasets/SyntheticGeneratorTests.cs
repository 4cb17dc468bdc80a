using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Datasets;

public sealed class SyntheticGeneratorTests
{
    [Fact]
    public void Generate_SixModalitiesSixTasks_ShapesAndRangesHold()
    {
        var dataset = SyntheticGenerator.Generate(new SyntheticScenario(Modalities: 6, Tasks: 6, MinTurns: 2, MaxTurns: 6, Dialogues: 50, Seed: 4));

        Assert.Equal(50, dataset.Dialogues.Count);
        Assert.Equal(6, dataset.ModalityCount);
        Assert.Equal(6, dataset.TaskNames.Count);
        Assert.True(dataset.IsSynthetic);
        var turns = dataset.Dialogues.SelectMany(d => d.Turns).ToList();
        Assert.All(dataset.Dialogues, d => Assert.InRange(d.Turns.Count, 2, 6));
        Assert.All(turns, t => Assert.All(t.Association, a => Assert.InRange(a, 0.1, 0.5)));
        Assert.All(turns, t => Assert.InRange(t.Draw!.LocalScore, 0, 2));
        Assert.All(turns, t => Assert.InRange(t.LoggedAction, 0, 64));
        Assert.All(turns, t => Assert.InRange(t.TaskId, 0, 5));
    }

    [Fact]
    public void Generate_SameSeed_SameFingerprint()
    {
        var scenario = new SyntheticScenario(Dialogues: 20, Seed: 9);

        Assert.Equal(SyntheticDatasetFile.Fingerprint(SyntheticGenerator.Generate(scenario)), SyntheticDatasetFile.Fingerprint(SyntheticGenerator.Generate(scenario)));
        Assert.NotEqual(SyntheticDatasetFile.Fingerprint(SyntheticGenerator.Generate(scenario)), SyntheticDatasetFile.Fingerprint(SyntheticGenerator.Generate(scenario with { Seed = 10 })));
    }

    [Fact]
    public void Generate_ManyTurns_MeansFollowTmoDistributions()
    {
        var turns = SyntheticGenerator.Generate(new SyntheticScenario(Dialogues: 2000, Seed: 1)).Dialogues.SelectMany(d => d.Turns).ToList();

        // Local ~ N(0.7, 0.3²) clipped to [0, 2] (clipping moves the mean by < 0.01); association ~ U(0.1, 0.5).
        Assert.InRange(turns.Average(t => t.Draw!.LocalScore), 0.68, 0.72);
        Assert.InRange(turns.Average(t => t.Draw!.CloudNoise), -0.02, 0.02);
        Assert.InRange(turns.SelectMany(t => t.Association).Average(), 0.29, 0.31);
    }

    [Fact]
    public void ScoreModel_CloudAfterImages_GainsPointOnePerImage()
    {
        var space = new ModalityActionSpace(3);
        var dialogue = new TmoDialogue(0, [new TmoTurn(0, [0.2, 0.2, 0.2], 0, 0, new SyntheticTurnDraw(0.6, 0.05)), new TmoTurn(1, [0.2, 0.2, 0.2], 0, 0, new SyntheticTurnDraw(0.6, 0.05))]);
        var scores = new double[9];

        new SyntheticScoreModel(space).ScoreActions(dialogue, 1, [8], scores);

        Assert.Equal(0.6, scores[0]);
        Assert.Equal(1.0 + 0.3 + 0.05, scores[1], 12);
        Assert.Equal(1.0 + 0.6 + 0.05, scores[8], 12);
    }

    [Fact]
    public void Scenario_TooManyModalities_NamesField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticGenerator.Generate(new SyntheticScenario(Modalities: 11)));

        Assert.Contains("field 'Modalities' must be in 1..10, got 11", error.Message);
    }

    [Fact]
    public void Load_TamperedFingerprint_NamesFileAndField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        try
        {
            SyntheticDatasetFile.Save(path, new SyntheticScenario(Dialogues: 5));
            var text = File.ReadAllText(path);
            var start = text.IndexOf("\"fingerprint\": \"", StringComparison.Ordinal) + 16;
            File.WriteAllText(path, text[..start] + "0000000000000000" + text[(start + 16)..]);

            var error = Assert.Throws<DatasetFormatException>(() => SyntheticDatasetFile.Load(path));

            Assert.Equal("fingerprint", error.Field);
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_RoundTrip_RegeneratesSameDialogues()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        try
        {
            var scenario = new SyntheticScenario(Modalities: 4, Dialogues: 7, Seed: 2);
            SyntheticDatasetFile.Save(path, scenario);

            var loaded = SyntheticDatasetFile.Load(path);

            Assert.Equal(SyntheticDatasetFile.Fingerprint(SyntheticGenerator.Generate(scenario)), SyntheticDatasetFile.Fingerprint(loaded));
            Assert.Equal(path, loaded.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
