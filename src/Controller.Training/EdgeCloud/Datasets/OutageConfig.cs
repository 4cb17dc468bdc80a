using System.Text.Json.Serialization;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// Link outages as a two-state (up/down) Markov chain stepped once per trace step. Stated as mean
/// sojourn times because those are what one can judge ("a dropout every few minutes lasting a few
/// seconds"); per-step switching probabilities are step / mean. Long-run down share = down / (up + down).
/// </summary>
/// <param name="MeanUpSeconds">Mean time between outages, s.</param>
/// <param name="MeanDownSeconds">Mean outage length, s.</param>
public sealed record OutageConfig(double MeanUpSeconds, double MeanDownSeconds)
{
    /// <summary>Long-run share of time the link is down.</summary>
    [JsonIgnore]
    public double DownShare => MeanDownSeconds / (MeanUpSeconds + MeanDownSeconds);

    public void Validate(string path, double stepSeconds)
    {
        // A sojourn shorter than a step would need a switching probability above 1.
        if (!double.IsFinite(MeanUpSeconds) || MeanUpSeconds < stepSeconds)
        {
            throw new ArgumentException($"{path}.{nameof(MeanUpSeconds)} must be ≥ the step ({stepSeconds} s), got {MeanUpSeconds}.", $"{path}.{nameof(MeanUpSeconds)}");
        }

        if (!double.IsFinite(MeanDownSeconds) || MeanDownSeconds < stepSeconds)
        {
            throw new ArgumentException($"{path}.{nameof(MeanDownSeconds)} must be ≥ the step ({stepSeconds} s), got {MeanDownSeconds}.", $"{path}.{nameof(MeanDownSeconds)}");
        }
    }
}
