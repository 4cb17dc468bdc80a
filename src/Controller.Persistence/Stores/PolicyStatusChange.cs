using Controller.Persistence.Entities;

namespace Controller.Persistence.Stores;

/// <summary>Result of <see cref="PolicyStore.SetStatusAsync"/>.</summary>
/// <param name="Policy">The policy after the change; null when no policy has that name and version.</param>
/// <param name="Replaced">The policy that was active before and is now retired, when an activation replaced one.</param>
public sealed record PolicyStatusChange(PolicyEntity? Policy, PolicyEntity? Replaced)
{
    /// <summary>True when the named policy exists (and now has the requested status).</summary>
    public bool Found => Policy is not null;
}
