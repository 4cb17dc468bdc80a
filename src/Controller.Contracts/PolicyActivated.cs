namespace Controller.Contracts;

/// <summary>A policy version became the one answering placement requests. Agents cache it for offline fallback.</summary>
public sealed record PolicyActivated
{
    public required int SchemaVersion { get; init; }

    public required string PolicyName { get; init; }

    public required string PolicyVersion { get; init; }

    /// <summary>Algorithm or rule family, e.g. <c>baseline-greedy</c>, <c>rc-ppo</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The version it replaced; null for the first activation.</summary>
    public string? PreviousVersion { get; init; }

    public required DateTimeOffset ActivatedAt { get; init; }
}
