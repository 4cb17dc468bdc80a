using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tests.Tmo.Datasets;

public sealed class DatasetSplitTests
{
    private static readonly TmoDialogue[] Dialogues =
        Enumerable.Range(0, 100).Select(id => new TmoDialogue(id, [new TmoTurn(0, [0.1], 0, 1.0)])).ToArray();

    [Theory]
    [InlineData(0, new[] { 1, 2, 7, 8, 11, 13, 16, 23, 41, 47, 48, 52, 54, 63, 66, 78, 80, 87, 91, 94 })]
    [InlineData(1, new[] { 4, 9, 10, 16, 20, 33, 36, 37, 38, 44, 50, 51, 53, 65, 66, 80, 81, 84, 90, 96 })]
    [InlineData(2, new[] { 0, 1, 2, 5, 6, 9, 12, 13, 16, 19, 24, 41, 49, 61, 63, 71, 72, 75, 76, 83 })]
    public void BySeed_PythonRule_MatchesTmoTestSets(int seed, int[] expected)
    {
        Assert.Equal(expected, DatasetSplit.BySeed(Dialogues, seed).Test.Select(d => d.Id).Order());
    }

    [Fact]
    public void BySeed_DotNetRule_ReproducesRandomShuffle()
    {
        var order = Dialogues.ToArray();
        new Random(0).Shuffle(order);
        Assert.Equal(order[..20].Select(d => d.Id), DatasetSplit.BySeed(Dialogues, 0, rule: SplitRule.DotNet).Test.Select(d => d.Id));
    }

    [Fact]
    public void PythonRandom_SeedZero_MatchesCpythonGetrandbits()
    {
        // python3 -c "import random; random.seed(0); print([random.getrandbits(32) for _ in range(3)])"
        var random = new PythonRandom(0);
        Assert.Equal([3626764237u, 1654615998u, 3255389356u], new[] { random.GetRandBits(32), random.GetRandBits(32), random.GetRandBits(32) });
    }

    [Fact]
    public void PythonRandom_SeedAboveThirtyTwoBits_MatchesCpythonGetrandbits()
    {
        // python3 -c "import random; random.seed(2**40+5); print([random.getrandbits(32) for _ in range(2)])"
        var random = new PythonRandom((1L << 40) + 5);
        Assert.Equal([2166296868u, 2220160828u], new[] { random.GetRandBits(32), random.GetRandBits(32) });
    }

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
