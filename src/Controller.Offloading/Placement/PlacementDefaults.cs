using Controller.Contracts;
using Controller.Offloading.Devices;

namespace Controller.Offloading.Placement;

/// <summary>What a policy assumes where the context is silent.</summary>
/// <param name="UnknownDevice">Profile used when no heartbeat has arrived.</param>
/// <param name="UnknownNetwork">Network assumed when no heartbeat has arrived; planned at its nominal channel.</param>
/// <param name="UnknownRelevance">Relevance r ∈ [0, 1] of a modality the device could not score.</param>
public sealed record PlacementDefaults(DeviceProfile UnknownDevice, NetworkType UnknownNetwork, double UnknownRelevance)
{
    /// <summary>
    /// Conservative: a mid-range Android phone (slow local model, slow draft, battery-powered) on an LTE link
    /// at its nominal channel; an unscored modality counts as half relevant (no evidence either way).
    /// </summary>
    public static PlacementDefaults Conservative { get; } = new(DeviceProfiles.AndroidMidrange, NetworkType.Lte, 0.5);
}
