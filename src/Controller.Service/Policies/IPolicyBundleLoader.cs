using Controller.Learning.Policies;
using Controller.Offloading.Placement;

namespace Controller.Service.Policies;

/// <summary>
/// Turns a registered policy bundle into a policy the decision path can call, and says why a bundle cannot serve here.
/// The registry asks <see cref="Incompatibility"/> at registration, so a bundle whose observation or action spec does
/// not match this service never becomes a candidate; <see cref="Load"/> runs when a version enters shadow, canary or
/// active.
/// </summary>
public interface IPolicyBundleLoader
{
    /// <summary>Null when the bundle can serve here; otherwise the reason it cannot (observation or action spec mismatch, unknown algorithm or head).</summary>
    string? Incompatibility(PolicyManifest manifest);

    /// <summary>Builds the serving policy; throws <see cref="PolicyBundleException"/> with the reason when it cannot.</summary>
    IPlacementPolicy Load(PolicyBundle bundle);
}
