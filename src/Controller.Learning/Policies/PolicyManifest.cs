using System.Text.Json;
using Controller.Learning.Nn;

namespace Controller.Learning.Policies;

/// <summary>
/// <c>manifest.json</c> of a policy bundle: everything needed to load, check and audit the weights beside it.
/// Serialised with <see cref="PolicyBundleSerializer.JsonOptions"/> (camelCase, enums as strings).
/// </summary>
public sealed record PolicyManifest
{
    /// <summary>Layout version of manifest and weights; loading refuses any other.</summary>
    public int FormatVersion { get; init; } = PolicyBundleSerializer.CurrentFormatVersion;

    /// <summary>Policy name; the bundle lives in <c>policies/&lt;name&gt;/&lt;version&gt;/</c>.</summary>
    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary><c>PPO</c>, <c>RC-PPO</c>, <c>A2C</c>, <c>RC-A2C</c>, <c>DQN</c> or <c>RC-DQN</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The algorithm's hyperparameter record as JSON, field by field.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Hyperparameters { get; init; }

    public required ObservationSpec Observation { get; init; }

    public required ActionSpec Actions { get; init; }

    public required NetworkSpec Network { get; init; }

    /// <summary>Budgets trained under, with the multipliers they ended at.</summary>
    public IReadOnlyList<ConstraintRecord> Constraints { get; init; } = [];

    /// <summary>What the policy was trained on, e.g. <c>m4a1@9e767a55</c>; null when not from a dataset.</summary>
    public string? DatasetId { get; init; }

    public int Seed { get; init; }

    /// <summary>Training metrics at the end (<c>phase/name</c> keys).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>
    /// The decision problem the policy was trained on, as its trainer describes it (for the edge–cloud problem: its name,
    /// window budgets, K, the budget mask, how draft lengths are named and the planner prior's β), so that serving can
    /// rebuild the same observation, mask and logit prior or refuse the bundle. Empty for bundles written before it existed.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> Problem { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>File name of the weights beside the manifest.</summary>
    public string WeightsFile { get; init; } = PolicyBundleSerializer.DefaultWeightsFile;

    /// <summary>Lower-case hex SHA-256 of the weights file; loading refuses weights that do not match.</summary>
    public string WeightsSha256 { get; init; } = "";
}

/// <summary>Shape of the serving network, enough to rebuild it before loading its tensors.</summary>
/// <param name="Head">What the outputs mean.</param>
/// <param name="TensorPrefix">Prefix of the tensor names, e.g. <c>pi</c> (tensors <c>pi.0.weight</c>, …).</param>
/// <param name="HiddenSizes">Hidden layer widths.</param>
/// <param name="Activation">Hidden activation.</param>
public sealed record NetworkSpec(PolicyHead Head, string TensorPrefix, IReadOnlyList<int> HiddenSizes, Activation Activation);

/// <summary>A constraint the policy was trained under.</summary>
/// <param name="CostName">Cost name from the environment spec.</param>
/// <param name="Budget">Per-episode budget.</param>
/// <param name="FinalMultiplier">λ at the end of training.</param>
public sealed record ConstraintRecord(string CostName, double Budget, double FinalMultiplier);
