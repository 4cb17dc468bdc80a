using Controller.Contracts;

namespace Controller.Offloading.EdgeCloud;

/// <summary>One simulated execution of a decision, as a device would measure and report it.</summary>
/// <param name="ExecutedLocation">Where it actually ran: Local when the link was down for a cloud or speculative decision (the agent's fallback).</param>
/// <param name="ExecutedModalityIds">Modalities actually uploaded (empty after a fallback).</param>
/// <param name="ExecutedDraftLength">Draft length actually used; 0 unless speculative.</param>
/// <param name="TimeToFirstTokenMs">Time to the first token, ms.</param>
/// <param name="TotalLatencyMs">Time to the last token, ms.</param>
/// <param name="TokensGenerated">Output tokens produced.</param>
/// <param name="DraftTokensProposed">Draft tokens sent for verification.</param>
/// <param name="DraftTokensAccepted">Draft tokens the target accepted.</param>
/// <param name="BytesUp">Bytes sent by the device.</param>
/// <param name="BytesDown">Bytes received by the device.</param>
/// <param name="DeviceEnergyJoules">Device energy including radio tail, J.</param>
/// <param name="CloudCostUsd">Cloud spend, US$.</param>
/// <param name="QualityScore">Judge-like score on M4A1's scale, in [0, 2].</param>
public sealed record RequestOutcomeSample(
    Location ExecutedLocation,
    IReadOnlyList<string> ExecutedModalityIds,
    int ExecutedDraftLength,
    double TimeToFirstTokenMs,
    double TotalLatencyMs,
    int TokensGenerated,
    int DraftTokensProposed,
    int DraftTokensAccepted,
    long BytesUp,
    long BytesDown,
    double DeviceEnergyJoules,
    double CloudCostUsd,
    double QualityScore);
