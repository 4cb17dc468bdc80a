using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tests.Tmo.Datasets;

public sealed class DatasetSplitTests
{
    private static readonly TmoDialogue[] Dialogues =
        Enumerable.Range(0, 100).Select(id => new TmoDialogue(id, [new TmoTurn(0, [0.1], 0, 1.0)])).ToArray();

    [Fact]
    public void BySeed_HundredDialogues_EightyTwentyDisjoint()
    {
        var split = DatasetSplit.BySeed(Dialogues, seed: 3);

        Assert.Equal(80, split.Train.Count);
        Assert.Equal(20, split.Test.Count);
        Assert.Empty(split.Train.Select(d => d.Id).Intersect(split.Test.Select(d => d.Id)));
    }

    [Fact]
    public void BySeed_SameSeed_SameSplit()
    {
        Assert.Equal(DatasetSplit.BySeed(Dialogues, 7).Test.Select(d => d.Id), DatasetSplit.BySeed(Dialogues, 7).Test.Select(d => d.Id));
        Assert.NotEqual(DatasetSplit.BySeed(Dialogues, 7).Test.Select(d => d.Id), DatasetSplit.BySeed(Dialogues, 8).Test.Select(d => d.Id));
    }

    [Fact]
    public void BySeed_OneDialogue_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => DatasetSplit.BySeed(Dialogues[..1], 0));

        Assert.Contains("at least 2 dialogues, got 1", error.Message);
    }
}
