using System.Text.Json;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>
/// How a TMO policy bundle was trained, stored beside its manifest as <c>tmo.json</c>, so that
/// evaluation rebuilds the same observation and masking the policy learned with.
/// </summary>
public sealed record TmoPolicySettings(
    string Algorithm,
    string Dataset,
    string Device,
    string Network,
    double LatencyBudgetS,
    double UsageBudgetUsd,
    TmoObservationMode Observation,
    bool UseLoggedHistory,
    bool MaskOverBudget,
    long Steps,
    int Seed,
    double TrainSeconds,
    double? TrainCpuSeconds = null,
    IReadOnlyList<int>? TrainingDialogueIds = null)
{
    /// <summary>File name inside the bundle directory.</summary>
    public const string FileName = "tmo.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Save(string bundleDirectory) =>
        File.WriteAllText(Path.Combine(bundleDirectory, FileName), JsonSerializer.Serialize(this, Json) + Environment.NewLine);

    /// <summary>Reads the settings of a bundle directory.</summary>
    /// <exception cref="InvalidDataException">The file is missing or unreadable; the message names it.</exception>
    public static TmoPolicySettings Load(string bundleDirectory)
    {
        var path = Path.Combine(bundleDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: missing; this bundle was not trained by 'controller train --env m4a1|synthetic'");
        }

        try
        {
            return JsonSerializer.Deserialize<TmoPolicySettings>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: field '{ex.Path}': {ex.Message}", ex);
        }
    }
}
