namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// The fixed shape of the edge–cloud decision problem that training and serving share: how many modality slots a
/// request has (M of the composite action space), the task categories the observation one-hot encodes, and the uplink
/// bits per draft token of a sampled request. A policy trained on this problem can serve only requests that fit it.
/// </summary>
public static class EdgeCloudProblem
{
    /// <summary>Name recorded in a bundle's manifest (<c>problem.name</c>) for policies trained on this problem.</summary>
    public const string Name = "edge-cloud";

    /// <summary>Modality slots per request (M of the action space).</summary>
    public const int ModalitySlots = 3;

    /// <summary>Uplink bits per draft token of a sampled request: 64 × (32-bit id + 16-bit probability).</summary>
    public const double SampledDraftTokenBits = 64 * (32 + 16);

    /// <summary>M4A1's task categories, in observation order.</summary>
    public static IReadOnlyList<string> Tasks { get; } = ["Assistive System", "Message Editing", "Query", "Recommendation"];
}
