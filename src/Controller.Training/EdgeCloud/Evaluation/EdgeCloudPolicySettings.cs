using System.Text.Json;
using System.Text.Json.Serialization;
using Controller.Contracts;
using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>
/// How an edge–cloud policy bundle was trained, stored beside its manifest as <c>edge-cloud.json</c>, so that
/// evaluation can refuse a bundle whose observation or action space does not match and report its provenance.
/// Bundles written before <see cref="DraftActions"/> and <see cref="SloMissesPerWindow"/> existed lack those fields: they
/// read as absolute draft lengths and an unrecorded SLO allowance; bundles without <see cref="PlannerPriorSharpness"/> were trained without the planner prior.
/// </summary>
public sealed record EdgeCloudPolicySettings(
    string Algorithm,
    IReadOnlyList<string> Devices,
    IReadOnlyList<NetworkType> Networks,
    double EnergyBudgetJoules,
    double SpendBudgetUsd,
    double LatencySloMs,
    double WindowSeconds,
    int MaxDraftLength,
    bool MaskOverBudget,
    bool Thermal,
    long Steps,
    int Seed,
    double TrainSeconds,
    string World,
    DraftLengthActions DraftActions = DraftLengthActions.Absolute,
    double? SloMissesPerWindow = null,
    double? PlannerPriorSharpness = null)
{
    /// <summary>File name inside the bundle directory.</summary>
    public const string FileName = "edge-cloud.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The settings of a run with <paramref name="options"/>.</summary>
    public static EdgeCloudPolicySettings From(string algorithm, EdgeCloudEnvironmentOptions options, long steps, int seed, double trainSeconds,
        DraftLengthActions draftActions, double? plannerPriorSharpness)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(algorithm, options.Devices, options.Networks, options.EnergyBudgetJoules, options.SpendBudgetUsd, options.LatencySloMs,
            options.WindowSeconds, options.MaxDraftLength, options.MaskOverBudget, options.Thermal, steps, seed, trainSeconds,
            EdgeCloudWorld.Describe(null, options.Thermal), draftActions, options.SloMissesPerWindow, plannerPriorSharpness);
    }

    /// <summary>One line: how the bundle was trained, and which settings differ from <paramref name="evaluation"/>.</summary>
    public string Describe(EdgeCloudEnvironmentOptions evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var differs = new List<string>();
        void Compare(bool same, string name)
        {
            if (!same)
            {
                differs.Add(name);
            }
        }

        Compare(EnergyBudgetJoules == evaluation.EnergyBudgetJoules, "energy budget");
        Compare(SpendBudgetUsd == evaluation.SpendBudgetUsd, "spend budget");
        Compare(LatencySloMs == evaluation.LatencySloMs, "SLO");
        Compare(SloMissesPerWindow is null || SloMissesPerWindow == evaluation.SloMissesPerWindow, "SLO misses allowed");
        Compare(WindowSeconds == evaluation.WindowSeconds, "window");
        Compare(MaxDraftLength == evaluation.MaxDraftLength, "K");
        Compare(MaskOverBudget == evaluation.MaskOverBudget, "budget mask");
        Compare(Thermal == evaluation.Thermal, "thermal");
        Compare(Devices.SequenceEqual(evaluation.Devices), "devices");
        Compare(Networks.SequenceEqual(evaluation.Networks), "networks");
        var line = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Algorithm}, {Steps} steps, trained with {EnergyBudgetJoules} J and ${SpendBudgetUsd} per {WindowSeconds} s window, SLO {LatencySloMs / 1_000} s ({(SloMissesPerWindow is { } m ? $"{m} misses allowed" : "misses allowed not recorded")}), K = {MaxDraftLength}, mask {(MaskOverBudget ? "on" : "off")}, {(DraftActions == DraftLengthActions.RelativeToPlanner ? "k relative to the planner's k*" : "absolute k")}, {(PlannerPriorSharpness is { } beta ? $"planner prior β = {beta}" : "no planner prior")}, thermal {(Thermal ? "on" : "off")}, devices {string.Join("/", Devices)}; {World}");
        return differs.Count == 0 ? line + "; same settings as this evaluation" : line + "; **differs from this evaluation in: " + string.Join(", ", differs) + "**";
    }

    public void Save(string bundleDirectory) =>
        File.WriteAllText(Path.Combine(bundleDirectory, FileName), JsonSerializer.Serialize(this, Json) + System.Environment.NewLine);

    /// <summary>Reads the settings of a bundle directory.</summary>
    /// <exception cref="InvalidDataException">The file is missing or unreadable; the message names it.</exception>
    public static EdgeCloudPolicySettings Load(string bundleDirectory)
    {
        var path = Path.Combine(bundleDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: missing; this bundle was not trained by 'controller train --env edge-cloud'");
        }

        try
        {
            var settings = JsonSerializer.Deserialize<EdgeCloudPolicySettings>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty");
            if (!Enum.IsDefined(settings.DraftActions))
            {
                throw new InvalidDataException($"{path}: field 'draftActions': {(int)settings.DraftActions} is not Absolute or RelativeToPlanner");
            }

            if (settings.PlannerPriorSharpness is not { } beta)
            {
                return settings;
            }

            if (!PlannerPrior.IsValidSharpness(beta))
            {
                throw new InvalidDataException($"{path}: field 'plannerPriorSharpness': {beta} is not in 0..{PlannerPrior.MaxSharpness}");
            }

            // A Q-learner has no logits for a prior to offset; a DQN bundle that claims one was not written by this trainer.
            return !settings.Algorithm.Contains("dqn", StringComparison.OrdinalIgnoreCase)
                ? settings
                : throw new InvalidDataException($"{path}: field 'plannerPriorSharpness': a {settings.Algorithm} bundle cannot have a planner prior (Q-values have no logits)");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: field '{ex.Path}': {ex.Message}", ex);
        }
    }
}
