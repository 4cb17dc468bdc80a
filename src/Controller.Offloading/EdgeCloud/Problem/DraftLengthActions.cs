namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>How a learner's speculative actions name their draft length.</summary>
public enum DraftLengthActions
{
    /// <summary>
    /// The draft length itself, k ∈ 1..K (<see cref="Controller.Offloading.Placement.CompositeActionSpace"/>, 73 actions at M = 3, K = 8).
    /// What a policy learns about one k says nothing about its neighbours, and a k it rarely tries stays untrained.
    /// </summary>
    Absolute = 0,

    /// <summary>
    /// An offset δ from the planner's throughput-optimal k* for the same link, device and modality subset
    /// (<see cref="RelativeDraftActionSpace"/>): "k* + δ" means the same thing on every channel, so a preference learned
    /// on one link carries to all of them and the chosen k follows RTT, α and draft time through k*.
    /// </summary>
    RelativeToPlanner = 1,
}
