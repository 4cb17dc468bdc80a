using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tmo.Environments;

/// <summary>The response score R̂ an action would earn at a turn, given the actions before it.</summary>
public interface IResponseScoreModel
{
    /// <summary>
    /// Writes R̂ of every action at <paramref name="turn"/> of <paramref name="dialogue"/> into
    /// <paramref name="scores"/>; <paramref name="history"/> holds the actions of turns 0..turn−1.
    /// </summary>
    void ScoreActions(TmoDialogue dialogue, int turn, ReadOnlySpan<int> history, Span<double> scores);

    /// <summary>
    /// False when R̂ depends on the history only through how many images of each count were
    /// uploaded (not on order or on which modality), which lets the oracle merge histories.
    /// </summary>
    bool DependsOnOrder { get; }
}
