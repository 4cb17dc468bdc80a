namespace Controller.Training.Tmo.Environments;

/// <summary>Everything one TMO step produced, for metrics and for learning baselines.</summary>
/// <param name="Turn">Index of the turn within its dialogue.</param>
/// <param name="Action">The action taken.</param>
/// <param name="Score">R̂, the estimated (or synthetic) response score.</param>
/// <param name="RawAssociation">Sum of the uploaded modalities' association scores.</param>
/// <param name="NormalisedAssociation">Ā, min–max normalised over the turn's actions.</param>
/// <param name="LatencyS">Latency of the call, seconds.</param>
/// <param name="UsageUsd">Price of the call, US dollars.</param>
/// <param name="Reward">r = α·R̂ + β_A·Ā − β_L·L̄ − β_U·Ū.</param>
public readonly record struct TmoStepOutcome(
    int Turn,
    int Action,
    double Score,
    double RawAssociation,
    double NormalisedAssociation,
    double LatencyS,
    double UsageUsd,
    double Reward);
