using Controller.Learning.Environments;

namespace Controller.Learning.Policies;

/// <summary>The on-disk layout <c>&lt;root&gt;/&lt;name&gt;/&lt;version&gt;/{manifest.json, weights.safetensors}</c>.</summary>
public static class PolicyBundleStore
{
    /// <summary>Saves under <paramref name="root"/> (e.g. <c>policies</c>) and returns the bundle directory. Refuses to overwrite.</summary>
    public static string Save(string root, PolicyBundle bundle)
    {
        CheckPathSegment(bundle.Manifest.Name, "name");
        CheckPathSegment(bundle.Manifest.Version, "version");
        var directory = Path.Combine(root, bundle.Manifest.Name, bundle.Manifest.Version);
        if (File.Exists(Path.Combine(directory, PolicyBundleSerializer.ManifestFile)))
        {
            throw new PolicyBundleException($"{directory}: a bundle already exists there; versions are immutable, choose a new version.");
        }

        Directory.CreateDirectory(directory);
        var manifestPath = Path.Combine(directory, PolicyBundleSerializer.ManifestFile);
        var weightsPath = Path.Combine(directory, bundle.Manifest.WeightsFile);

        // The manifest is written last, through a temporary name, so a reader never sees it without its weights.
        var temporaryManifest = manifestPath + ".tmp";
        using (var weights = File.Create(weightsPath))
        using (var manifest = File.Create(temporaryManifest))
        {
            PolicyBundleSerializer.Write(bundle, manifest, weights);
        }

        File.Move(temporaryManifest, manifestPath);
        return directory;
    }

    /// <summary>Loads a bundle directory; see <see cref="PolicyBundleSerializer.Read"/> for what is refused.</summary>
    public static PolicyBundle Load(string directory, EnvironmentSpec? expected = null, IReadOnlyList<string>? expectedFeatureNames = null)
    {
        var manifestPath = Path.Combine(directory, PolicyBundleSerializer.ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new PolicyBundleException($"{directory}: no {PolicyBundleSerializer.ManifestFile}.");
        }

        using var manifest = File.OpenRead(manifestPath);
        var weightsFile = PeekWeightsFile(manifestPath);
        var weightsPath = Path.Combine(directory, weightsFile);
        if (!File.Exists(weightsPath))
        {
            throw new PolicyBundleException($"{directory}: {PolicyBundleSerializer.ManifestFile} names weights file '{weightsFile}', which does not exist.");
        }

        using var weights = File.OpenRead(weightsPath);
        return PolicyBundleSerializer.Read(manifest, weights, directory, expected, expectedFeatureNames);
    }

    private static string PeekWeightsFile(string manifestPath)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("weightsFile", out var file)
                && file.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                var name = file.GetString()!;
                CheckPathSegment(name, "weightsFile");
                return name;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // The serializer reports malformed JSON with the full context; fall back to the default name here.
        }

        return PolicyBundleSerializer.DefaultWeightsFile;
    }

    private static void CheckPathSegment(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value is "." or ".." || value.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
        {
            throw new PolicyBundleException($"Policy bundle field {field} '{value}' is not a single safe path segment.");
        }
    }
}
