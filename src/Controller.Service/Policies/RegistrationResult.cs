using Controller.Persistence.Entities;

namespace Controller.Service.Policies;

/// <summary>Result of <see cref="PolicyRegistry.RegisterAsync"/>.</summary>
/// <param name="Policy">The new candidate; null when refused.</param>
/// <param name="Refusal">Why the bundle was refused (corrupt, incompatible, already registered); null when registered.</param>
public sealed record RegistrationResult(PolicyEntity? Policy, string? Refusal)
{
    public bool Registered => Policy is not null;
}
