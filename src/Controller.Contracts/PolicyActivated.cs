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

    /// <summary>
    /// Path on the controller's HTTP API to fetch the bundle from (<c>/v1/policies/{name}/{version}/bundle</c>); null
    /// for a built-in policy without a bundle (<c>baseline-greedy</c>), which every agent already has.
    /// </summary>
    public string? BundleUrlPath { get; init; }

    /// <summary>Lower-case hex SHA-256 of the bytes that path returns; null with <see cref="BundleUrlPath"/>.</summary>
    public string? BundleSha256 { get; init; }

    /// <summary>Size of the bytes that path returns, bytes; null with <see cref="BundleUrlPath"/>.</summary>
    public long? BundleSizeBytes { get; init; }
}
