using Controller.Offloading.Placement;

namespace Controller.Service.Policies;

/// <summary>
/// The canary and shadow policies this replica serves beside the active one (<see cref="Decisions.ActivePolicy"/>).
/// Replaced as one immutable set, so a decision reads one consistent set and finishes on the policies it read.
/// </summary>
public sealed class RolloutPolicies
{
    private RolloutSet _current = RolloutSet.None;

    public RolloutSet Current => Volatile.Read(ref _current);

    public void Replace(RolloutSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Volatile.Write(ref _current, set);
    }
}

/// <summary>One consistent rollout: the canary with its device share, and the shadows.</summary>
/// <param name="Canary">Decides for <paramref name="CanaryShare"/> of devices; null when no canary runs.</param>
/// <param name="CanaryShare">Share of devices in [0, 1].</param>
/// <param name="Shadows">Score every live request; their choices are logged, never returned.</param>
public sealed record RolloutSet(IPlacementPolicy? Canary, double CanaryShare, IReadOnlyList<IPlacementPolicy> Shadows)
{
    public static RolloutSet None { get; } = new(null, 0, []);

    /// <summary>The policy that decides for <paramref name="deviceId"/>: the canary for its share of devices, else <paramref name="active"/>.</summary>
    public IPlacementPolicy DecidingFor(string deviceId, IPlacementPolicy active) =>
        Canary is { } canary && CanaryAssignment.IsInCanary(canary.Name, canary.Version, deviceId, CanaryShare) ? canary : active;
}
