using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Controller.Learning.Environments;
using Controller.Learning.Nn;

namespace Controller.Learning.Policies;

/// <summary>
/// Writes and reads a <see cref="PolicyBundle"/> as two streams: <c>manifest.json</c> and the safetensors weights.
/// Reading refuses an unknown format version, weights whose SHA-256 differs from the manifest's, tensors that do not
/// match the declared network, and a bundle that does not fit the expected environment — each with a message naming
/// the source, the field and the values.
/// </summary>
public static class PolicyBundleSerializer
{
    /// <summary>The only format version this build writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    public const string ManifestFile = "manifest.json";

    public const string DefaultWeightsFile = "weights.safetensors";

    /// <summary>camelCase, enums as strings, indented: what <c>manifest.json</c> looks like.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the weights, then the manifest carrying their SHA-256.</summary>
    public static void Write(PolicyBundle bundle, Stream manifest, Stream weights)
    {
        using var buffer = new MemoryStream();
        var tensors = bundle.Policy.Network.Parameters.Select(p => new NamedTensor(p.Name, p.Shape, p.Value)).ToArray();
        SafeTensors.Write(buffer, tensors, new Dictionary<string, string>
        {
            ["format"] = "pt",
            ["policy"] = $"{bundle.Manifest.Name}/{bundle.Manifest.Version}",
        });
        var bytes = buffer.ToArray();
        weights.Write(bytes);
        var withHash = bundle.Manifest with
        {
            FormatVersion = CurrentFormatVersion,
            WeightsSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Observation = bundle.Policy.Observation,
            Actions = bundle.Policy.Actions,
        };
        JsonSerializer.Serialize(manifest, withHash, JsonOptions);
    }

    /// <summary>
    /// Reads a bundle. <paramref name="source"/> names it in error messages (e.g. its directory). When
    /// <paramref name="expected"/> is given, observation size and action count must match it;
    /// <paramref name="expectedFeatureNames"/>, when given, must match the manifest's feature names in order.
    /// </summary>
    public static PolicyBundle Read(Stream manifest, Stream weights, string source, EnvironmentSpec? expected = null, IReadOnlyList<string>? expectedFeatureNames = null)
    {
        var parsed = ReadManifest(manifest, source);
        var weightBytes = ReadAll(weights);
        var hash = Convert.ToHexStringLower(SHA256.HashData(weightBytes));
        if (!string.Equals(hash, parsed.WeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new PolicyBundleException($"{source}: {parsed.WeightsFile} has SHA-256 {hash}, but {ManifestFile} field weightsSha256 says '{parsed.WeightsSha256}' (corrupted or replaced weights).");
        }

        CheckFits(parsed, source, expected, expectedFeatureNames);
        IReadOnlyList<NamedTensor> tensors;
        try
        {
            tensors = SafeTensors.Read(new MemoryStream(weightBytes)).Tensors;
        }
        catch (InvalidDataException ex)
        {
            throw new PolicyBundleException($"{source}: {parsed.WeightsFile}: {ex.Message}", ex);
        }

        var network = BuildNetwork(parsed, tensors, source);
        Policy policy;
        try
        {
            policy = new Policy(network, parsed.Network.Head, parsed.Observation, parsed.Actions);
        }
        catch (ArgumentException ex)
        {
            throw new PolicyBundleException($"{source}: {ManifestFile}: {ex.Message}", ex);
        }

        return new PolicyBundle(parsed, policy);
    }

    private static PolicyManifest ReadManifest(Stream stream, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new PolicyBundleException($"{source}: {ManifestFile} is not valid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("formatVersion", out var version)
                || version.ValueKind != JsonValueKind.Number)
            {
                throw new PolicyBundleException($"{source}: {ManifestFile} has no numeric field formatVersion.");
            }

            if (!version.TryGetInt32(out var v) || v != CurrentFormatVersion)
            {
                throw new PolicyBundleException($"{source}: {ManifestFile} field formatVersion is {version.GetRawText()}; this build reads only version {CurrentFormatVersion}.");
            }

            try
            {
                var manifest = document.RootElement.Deserialize<PolicyManifest>(JsonOptions)
                    ?? throw new PolicyBundleException($"{source}: {ManifestFile} is empty.");
                if (manifest.Observation is null || manifest.Actions is null || manifest.Network is null || manifest.Hyperparameters is null)
                {
                    throw new PolicyBundleException($"{source}: {ManifestFile} lacks one of observation, actions, network, hyperparameters.");
                }

                return manifest;
            }
            catch (JsonException ex)
            {
                throw new PolicyBundleException($"{source}: {ManifestFile} does not match the manifest schema at {ex.Path ?? "(root)"} ({ex.Message}).", ex);
            }
        }
    }

    private static void CheckFits(PolicyManifest manifest, string source, EnvironmentSpec? expected, IReadOnlyList<string>? expectedFeatureNames)
    {
        if (expected is not null)
        {
            if (manifest.Observation.FeatureNames.Count != expected.ObservationSize)
            {
                throw new PolicyBundleException($"{source}: the policy observes {manifest.Observation.FeatureNames.Count} features (observation.featureNames) but the environment has {expected.ObservationSize}.");
            }

            if (manifest.Actions.ActionNames.Count != expected.ActionCount)
            {
                throw new PolicyBundleException($"{source}: the policy has {manifest.Actions.ActionNames.Count} actions (actions.actionNames) but the environment has {expected.ActionCount}.");
            }
        }

        if (expectedFeatureNames is not null && !expectedFeatureNames.SequenceEqual(manifest.Observation.FeatureNames))
        {
            var index = Enumerable.Range(0, Math.Min(expectedFeatureNames.Count, manifest.Observation.FeatureNames.Count))
                .FirstOrDefault(i => expectedFeatureNames[i] != manifest.Observation.FeatureNames[i], Math.Min(expectedFeatureNames.Count, manifest.Observation.FeatureNames.Count));
            throw new PolicyBundleException(
                $"{source}: observation.featureNames differ from the expected features at index {index}: bundle has [{string.Join(", ", manifest.Observation.FeatureNames)}], expected [{string.Join(", ", expectedFeatureNames)}].");
        }
    }

    private static Mlp BuildNetwork(PolicyManifest manifest, IReadOnlyList<NamedTensor> tensors, string source)
    {
        Mlp network;
        try
        {
            network = Mlp.CreateZeroed(manifest.Network.TensorPrefix, manifest.Observation.FeatureNames.Count, manifest.Network.HiddenSizes, manifest.Actions.ActionNames.Count, manifest.Network.Activation);
        }
        catch (ArgumentException ex)
        {
            throw new PolicyBundleException($"{source}: {ManifestFile} field network describes no valid network ({ex.Message}).", ex);
        }

        var byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var parameter in network.Parameters)
        {
            if (!byName.Remove(parameter.Name, out var tensor))
            {
                throw new PolicyBundleException($"{source}: {manifest.WeightsFile} lacks tensor '{parameter.Name}' that the manifest's network needs.");
            }

            if (!tensor.Shape.SequenceEqual(parameter.Shape))
            {
                throw new PolicyBundleException($"{source}: {manifest.WeightsFile} tensor '{parameter.Name}' has shape [{string.Join(", ", tensor.Shape)}]; the manifest's network needs [{string.Join(", ", parameter.Shape)}].");
            }

            tensor.Data.CopyTo(parameter.Value, 0);
        }

        if (byName.Count > 0)
        {
            throw new PolicyBundleException($"{source}: {manifest.WeightsFile} has tensors the manifest's network does not use: {string.Join(", ", byName.Keys)}.");
        }

        return network;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
