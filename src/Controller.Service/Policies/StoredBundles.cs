using System.Text;
using Controller.Learning.Policies;
using Controller.Persistence.Entities;

namespace Controller.Service.Policies;

/// <summary>Turns stored manifest text and weights back into a checked <see cref="PolicyBundle"/>.</summary>
public static class StoredBundles
{
    /// <summary>Reads and checks (format version, weights hash, tensors) a registered bundle.</summary>
    /// <exception cref="PolicyBundleException">The stored bundle does not read; the message names it.</exception>
    public static PolicyBundle Read(PolicyEntity policy, PolicyBundleEntity bundle)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(bundle);
        if (policy.ManifestJson is null)
        {
            throw new PolicyBundleException($"registry {policy.Name}/{policy.Version}: the policy row has no manifest.");
        }

        return Read(Encoding.UTF8.GetBytes(policy.ManifestJson), bundle.Weights, $"registry {policy.Name}/{policy.Version}");
    }

    /// <inheritdoc cref="Read(PolicyEntity, PolicyBundleEntity)"/>
    public static PolicyBundle Read(byte[] manifest, byte[] weights, string source)
    {
        using var manifestStream = new MemoryStream(manifest, writable: false);
        using var weightsStream = new MemoryStream(weights, writable: false);
        return PolicyBundleSerializer.Read(manifestStream, weightsStream, source);
    }
}
