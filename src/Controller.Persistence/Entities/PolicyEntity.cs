namespace Controller.Persistence.Entities;

/// <summary>One version of a policy and where it is in its lifecycle. Keyed by (<see cref="Name"/>, <see cref="Version"/>).</summary>
public sealed class PolicyEntity
{
    public required string Name { get; set; }

    public required string Version { get; set; }

    /// <summary>Algorithm or rule family, e.g. <c>rc-ppo</c>, <c>baseline-greedy</c>.</summary>
    public required string Algorithm { get; set; }

    public PolicyStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last became <see cref="PolicyStatus.Active"/>; null if never.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>The bundle's manifest.json, when known.</summary>
    public string? ManifestJson { get; set; }

    /// <summary>Directory of the policy bundle, when stored on disk.</summary>
    public string? BundlePath { get; set; }
}
