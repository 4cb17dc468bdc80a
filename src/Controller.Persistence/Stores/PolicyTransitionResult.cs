using Controller.Persistence.Entities;

namespace Controller.Persistence.Stores;

/// <summary>Result of <see cref="PolicyRegistryStore.TransitionAsync"/>: the change made, or why none was.</summary>
/// <param name="Policy">The policy after the change; null when refused.</param>
/// <param name="Refusal">Why the change was refused (unknown version, a transition the lifecycle does not allow, a canary already running, nothing to restore); null when made.</param>
/// <param name="Replaced">The previously active policy an activation retired.</param>
/// <param name="Restored">The policy a rollback of the active one made active again.</param>
public sealed record PolicyTransitionResult(PolicyEntity? Policy, string? Refusal, PolicyEntity? Replaced = null, PolicyEntity? Restored = null)
{
    public bool Changed => Policy is not null;

    public static PolicyTransitionResult Refused(string reason) => new(null, reason);
}
