using Controller.Contracts;

namespace Controller.Training.EdgeCloud.Environments;

/// <summary>What one request cost and yielded when the chosen action was realised by the simulator.</summary>
/// <param name="Action">Index of the chosen action.</param>
/// <param name="Location">Where it ran (Local after a down-link fallback).</param>
/// <param name="DraftLength">Draft length used; 0 unless speculative.</param>
/// <param name="Network">The episode's network type.</param>
/// <param name="LatencyMs">Time to the last token, ms.</param>
/// <param name="EnergyJoules">Device energy, J.</param>
/// <param name="SpendUsd">Cloud spend, US$.</param>
/// <param name="Quality">Realised quality score.</param>
/// <param name="Tokens">Answer tokens.</param>
/// <param name="SloMiss">True when the latency exceeded the SLO.</param>
/// <param name="Rate">Quality-weighted tokens per second of this request, q·L/latency.</param>
/// <param name="DraftTokensProposed">Draft tokens sent for verification (0 unless speculative).</param>
/// <param name="DraftTokensAccepted">Draft tokens the target accepted.</param>
public readonly record struct EdgeCloudStepOutcome(
    int Action,
    Location Location,
    int DraftLength,
    NetworkType Network,
    double LatencyMs,
    double EnergyJoules,
    double SpendUsd,
    double Quality,
    int Tokens,
    bool SloMiss,
    double Rate,
    int DraftTokensProposed,
    int DraftTokensAccepted);
