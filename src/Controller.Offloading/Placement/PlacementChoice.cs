using Controller.Contracts;

namespace Controller.Offloading.Placement;

/// <summary>A policy's decision for one request.</summary>
/// <param name="Location">Where the request runs.</param>
/// <param name="UploadModalityIds">Ids of the offered modalities to upload, in offer order; empty for Local.</param>
/// <param name="DraftLength">Speculative draft length k; 0 unless <see cref="Location"/> is Speculative.</param>
/// <param name="ActionIndex">Index in the request's <see cref="CompositeActionSpace"/> (M = number of offered modalities).</param>
/// <param name="Propensity">Probability in (0, 1] with which the policy chose this action.</param>
/// <param name="Expected">The policy's expectation for the chosen action.</param>
public sealed record PlacementChoice(Location Location, IReadOnlyList<string> UploadModalityIds,
    int DraftLength, int ActionIndex, double Propensity, RequestEstimate Expected)
{
    /// <summary>Why the policy asked its fallback to decide (no heartbeat yet, non-finite scores, …); null when it decided itself.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>The observation vector the policy decided from, when it has one (learned policies); logged for off-policy evaluation.</summary>
    public IReadOnlyList<float>? Observation { get; init; }

    /// <summary>The action mask it decided under, over its problem's absolute actions, when it has one.</summary>
    public IReadOnlyList<bool>? Mask { get; init; }
}
