using Controller.Training.Tests.Tmo.Datasets;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Environments;

public sealed class NearestNeighbourCheckVectorTests
{
    // ../shared/reference/tmo.md: seed 0 split, test dialogue 23, turn 0, actions 0..8, stable order over sorted pairs.
    // The note describes the order as "observation, then action code"; all nine entries are reproduced only with the
    // action code compared first (action 5 has six training points at distance 1 for five places, and which one is left
    // out depends on that order: observation first gives 1.0857).
    private static readonly double[] CheckVector = [1.0397, 2.0, 1.3285, 1.125, 1.125, 0.9841, 1.1429, 2.5, 1.2857];

    [M4A1Fact]
    public void ScoreActions_SeedZeroDialogue23TurnZero_MatchesReferenceCheckVector()
    {
        var dataset = TmoDataset.LoadM4A1(M4A1Files.DatasetPath);
        var split = DatasetSplit.BySeed(dataset.Dialogues, 0);
        var encoding = new TmoHistoryEncoding(new ModalityActionSpace(dataset.ModalityCount));
        var model = NearestNeighbourScoreModel.Fit(encoding, split.Train);
        var dialogue = split.Test.Single(d => d.Id == 23);
        var scores = new double[encoding.Space.ActionCount];

        model.ScoreActions(dialogue, 0, new int[dialogue.Turns.Count], scores);

        Assert.Equal(CheckVector, scores.Select(s => Math.Round(s, 4)));
    }
}
