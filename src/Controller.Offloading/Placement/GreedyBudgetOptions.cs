using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Placement;

/// <summary>
/// Settings of <see cref="GreedyBudgetPolicy"/>. The one-step reward is
/// r = w_Q·Q + w_A·A − w_L·latency/SLO − w_$·spend/ReferenceCostUsd − w_E·energy/ReferenceEnergyJoules;
/// every penalty is divided by a scale so that 1 means "a typical request's worth" and the weights
/// compare like TMO's β.
/// </summary>
public sealed record GreedyBudgetOptions
{
    /// <summary>w_Q, weight of expected quality. Default 1 (TMO's α).</summary>
    public double QualityWeight { get; init; } = 1;

    /// <summary>w_A, weight of the association share. Default 1/3 (TMO's β_A).</summary>
    public double AssociationWeight { get; init; } = 1.0 / 3;

    /// <summary>w_L, weight of latency as a share of the request's SLO. Default 1/3 (TMO's β_L).</summary>
    public double LatencyWeight { get; init; } = 1.0 / 3;

    /// <summary>w_$, weight of spend in units of <see cref="ReferenceCostUsd"/>. Default 1/3 (TMO's β_U).</summary>
    public double CostWeight { get; init; } = 1.0 / 3;

    /// <summary>w_E, weight of device energy in units of <see cref="ReferenceEnergyJoules"/>. Default 1/3 (as the other penalties).</summary>
    public double EnergyWeight { get; init; } = 1.0 / 3;

    /// <summary>Spend that counts as one unit: default $0.01, about one TMO cloud call with two images ($0.00945).</summary>
    public double ReferenceCostUsd { get; init; } = 0.01;

    /// <summary>
    /// Energy that counts as one unit: default 50 J, about one 200-token answer from a phone's local model
    /// (0.2–0.5 J/token) and 0.1 % of a 15 Wh battery.
    /// </summary>
    public double ReferenceEnergyJoules { get; init; } = 50;

    /// <summary>ε of ε-greedy exploration over the feasible actions. Default 0.05; 0 makes the policy deterministic.</summary>
    public double Epsilon { get; init; } = 0.05;

    /// <summary>K, the longest draft considered. Default 16 (the reference's k* reaches 10–17 with a cheap draft and a slow link).</summary>
    public int MaxDraftLength { get; init; } = 16;

    /// <summary>Mask actions whose expected use would overrun a remaining budget or the SLO. Default true.</summary>
    public bool MaskBudgetOverruns { get; init; } = true;

    /// <summary>Assumptions where the context is silent. Default <see cref="PlacementDefaults.Conservative"/>.</summary>
    public PlacementDefaults Defaults { get; init; } = PlacementDefaults.Conservative;

    /// <summary>Cost, quality and acceptance models planned with. Default <see cref="EdgeCloudCostModel.Default"/>.</summary>
    public EdgeCloudCostModel CostModel { get; init; } = EdgeCloudCostModel.Default;

    /// <summary>Version string logged with decisions; change it whenever a setting changes. Default "1".</summary>
    public string Version { get; init; } = "1";

    /// <summary>The one-step reward of an action with these expectations.</summary>
    public double Reward(double quality, double association, in ModeCost cost, double latencySloMs) =>
        (QualityWeight * quality) + (AssociationWeight * association)
        - (LatencyWeight * cost.LatencyMs / latencySloMs)
        - (CostWeight * cost.CloudCostUsd / ReferenceCostUsd)
        - (EnergyWeight * cost.DeviceEnergyJoules / ReferenceEnergyJoules);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        RequireWeight(QualityWeight, nameof(QualityWeight));
        RequireWeight(AssociationWeight, nameof(AssociationWeight));
        RequireWeight(LatencyWeight, nameof(LatencyWeight));
        RequireWeight(CostWeight, nameof(CostWeight));
        RequireWeight(EnergyWeight, nameof(EnergyWeight));
        if (!double.IsFinite(ReferenceCostUsd) || ReferenceCostUsd <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ReferenceCostUsd), ReferenceCostUsd, "Must be a finite number > 0.");
        }

        if (!double.IsFinite(ReferenceEnergyJoules) || ReferenceEnergyJoules <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ReferenceEnergyJoules), ReferenceEnergyJoules, "Must be a finite number > 0.");
        }

        if (double.IsNaN(Epsilon) || Epsilon < 0 || Epsilon > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "ε must lie in [0, 1].");
        }

        if (MaxDraftLength < 1 || MaxDraftLength > CompositeActionSpace.MaxDraftLengthLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDraftLength), MaxDraftLength,
                $"K must lie in [1, {CompositeActionSpace.MaxDraftLengthLimit}].");
        }

        ArgumentNullException.ThrowIfNull(Defaults, nameof(Defaults));
        ArgumentNullException.ThrowIfNull(CostModel, nameof(CostModel));
        if (string.IsNullOrWhiteSpace(Version))
        {
            throw new ArgumentException("Version must be non-empty.", nameof(Version));
        }
    }

    private static void RequireWeight(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Weights must be finite numbers ≥ 0.");
        }
    }
}
