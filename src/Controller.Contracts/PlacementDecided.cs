namespace Controller.Contracts;

/// <summary>The controller's answer to <see cref="RequestPlacement"/>. Every decision is logged with these fields.</summary>
public sealed record PlacementDecided
{
    public required int SchemaVersion { get; init; }

    public required Guid RequestId { get; init; }

    /// <summary>Identifies this decision; the outcome report refers to it.</summary>
    public required Guid DecisionId { get; init; }

    public required Location Location { get; init; }

    /// <summary>Ids of the offered modalities to upload; empty for <see cref="Contracts.Location.Local"/>.</summary>
    public required IReadOnlyList<string> UploadModalityIds { get; init; }

    /// <summary>Speculative draft length k (tokens per verification round); 0 unless speculative.</summary>
    public required int DraftLength { get; init; }

    /// <summary>Probability in (0, 1] with which the policy chose this action; used for off-policy evaluation.</summary>
    public required double Propensity { get; init; }

    public required string PolicyName { get; init; }

    public required string PolicyVersion { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>After this instant the agent must ask again or apply its fallback.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
