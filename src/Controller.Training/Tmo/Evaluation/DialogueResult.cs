namespace Controller.Training.Tmo.Evaluation;

/// <summary>What one method achieved on one test dialogue (TMO's per-dialogue metrics).</summary>
/// <param name="DialogueId">The dialogue.</param>
/// <param name="MeanScore">Mean R̂ over its turns.</param>
/// <param name="MeanRawAssociation">Mean raw association (sum of the uploaded modalities' scores) over its turns.</param>
/// <param name="TotalLatencyS">Total latency, seconds.</param>
/// <param name="TotalUsageUsd">Total price, US dollars.</param>
/// <param name="MeanReward">Mean reward over its turns.</param>
/// <param name="TotalReward">Sum of its rewards (what the oracle maximises).</param>
/// <param name="Actions">Actions taken, turn by turn.</param>
public sealed record DialogueResult(
    int DialogueId,
    double MeanScore,
    double MeanRawAssociation,
    double TotalLatencyS,
    double TotalUsageUsd,
    double MeanReward,
    double TotalReward,
    IReadOnlyList<int> Actions);
