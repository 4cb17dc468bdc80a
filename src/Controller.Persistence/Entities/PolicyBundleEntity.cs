namespace Controller.Persistence.Entities;

/// <summary>
/// The weights of a registered policy version, stored in the database so every replica reads the same bundle. The
/// manifest is the policy row's <see cref="PolicyEntity.ManifestJson"/> (one copy of it). Keyed by (name, version) and a
/// foreign key to <c>Policies</c>: a bundle never exists without its policy row.
/// </summary>
public sealed class PolicyBundleEntity
{
    public required string Name { get; set; }

    public required string Version { get; set; }

    /// <summary>The safetensors weights exactly as registered; their SHA-256 is the manifest's <c>weightsSha256</c>.</summary>
    public required byte[] Weights { get; set; }

    /// <summary>Lower-case hex SHA-256 of the download document served at <c>GET /v1/policies/{name}/{version}/bundle</c>.</summary>
    public required string PackageSha256 { get; set; }

    /// <summary>Size of that download document, bytes.</summary>
    public long PackageSizeBytes { get; set; }
}
