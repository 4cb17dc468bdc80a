using System.Text.Json;

namespace Controller.Training.Tmo.Datasets;

/// <summary>
/// A generated dataset on disk: the scenario that generated it. Generation is deterministic, so the
/// file stores the config and the loader regenerates the dialogues (and checks the stored dialogue
/// count and fingerprint, so a changed generator cannot silently change a shipped set).
/// </summary>
public static class SyntheticDatasetFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes <paramref name="scenario"/> and the fingerprint of its dataset to <paramref name="path"/>.</summary>
    public static void Save(string path, SyntheticScenario scenario)
    {
        var dataset = SyntheticGenerator.Generate(scenario);
        var file = new StoredScenario(scenario, dataset.Dialogues.Sum(d => d.Turns.Count), Fingerprint(dataset));
        File.WriteAllText(path, JsonSerializer.Serialize(file, Json) + Environment.NewLine);
    }

    /// <summary>Reads a scenario file and regenerates its dataset.</summary>
    /// <exception cref="DatasetFormatException">Missing file, bad JSON, bad field, or a fingerprint mismatch.</exception>
    public static TmoDataset Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, null, "(file)", "file not found");
        }

        StoredScenario? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredScenario>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException(path, null, ex.Path ?? "(document)", $"not a synthetic scenario file: {ex.Message}", ex);
        }

        if (stored?.Scenario is null)
        {
            throw new DatasetFormatException(path, null, "scenario", "missing");
        }

        TmoDataset dataset;
        try
        {
            dataset = SyntheticGenerator.Generate(stored.Scenario);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new DatasetFormatException(path, null, $"scenario.{ex.ParamName}", ex.Message, ex);
        }

        var fingerprint = Fingerprint(dataset);
        if (stored.Fingerprint != fingerprint)
        {
            throw new DatasetFormatException(path, null, "fingerprint", $"stored {stored.Fingerprint} but the generator now produces {fingerprint}; regenerate the file");
        }

        return dataset with { Name = path };
    }

    /// <summary>A short hash of every draw, to detect a generator that no longer reproduces a shipped set.</summary>
    public static string Fingerprint(TmoDataset dataset) => StableHex(dataset);

    // HashCode is randomised per process, so the stored fingerprint is an FNV-1a over the rounded draws.
    private static string StableHex(TmoDataset dataset)
    {
        var h = 14695981039346656037UL;
        void Mix(long value)
        {
            h ^= (ulong)value;
            h *= 1099511628211UL;
        }

        foreach (var turn in dataset.Dialogues.SelectMany(d => d.Turns))
        {
            Mix(turn.TaskId);
            Mix(turn.LoggedAction);
            Mix((long)Math.Round(turn.Draw!.LocalScore * 1e9));
            Mix((long)Math.Round(turn.Draw.CloudNoise * 1e9));
            foreach (var a in turn.Association)
            {
                Mix((long)Math.Round(a * 1e9));
            }
        }

        return h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record StoredScenario(SyntheticScenario Scenario, int Turns, string Fingerprint);
}
