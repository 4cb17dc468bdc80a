namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>One reported metric: key (CSV/JSON), table header and number format.</summary>
public sealed record EdgeCloudMetric(string Key, string Header, string Format, bool Percent = false);

/// <summary>The metrics of the edge–cloud comparison, in table order.</summary>
public static class EdgeCloudMetrics
{
    public const string Rate = "qw_tokens_per_s";
    public const string RatePerRequest = "qw_tokens_per_s_request_mean";
    public const string TokensPerSecond = "tokens_per_s";
    public const string EnergyPerToken = "energy_j_per_token";
    public const string Quality = "quality";
    public const string EnergyPerWindow = "energy_j_per_window";
    public const string SpendPerWindow = "spend_usd_per_window";
    public const string OverEnergy = "over_energy_share";
    public const string OverSpend = "over_spend_share";
    public const string OverSlo = "over_slo_budget_share";
    public const string OverAny = "over_any_budget_share";
    public const string InfeasibleShare = "infeasible_share";
    public const string OverAnyFeasible = "over_any_budget_feasible_share";
    public const string EnergyInfeasibleShare = "energy_infeasible_share";
    public const string OverEnergyFeasible = "over_energy_feasible_share";
    public const string EnergyExcess = "energy_excess_j";
    public const string SpendExcess = "spend_excess_usd";
    public const string SloExcess = "slo_excess_misses";
    public const string SloMiss = "slo_miss_share";
    public const string LocalShare = "local_share";
    public const string CloudShare = "cloud_share";
    public const string SpeculativeShare = "speculative_share";
    public const string MeanDraftLength = "mean_k";
    public const string FallbackShare = "fallback_share";
    public const string SpeculativeGainOverFixedBest = "spec_k_gain_over_fixed_best";
    public const string SpeculativeGainOverPlanner = "spec_k_gain_over_k_star";

    /// <summary>Keys whose value is a share of the (jointly or energy-) feasible windows; a seed without such windows is left out of the mean.</summary>
    public static IReadOnlyList<string> FeasibleOnlyKeys { get; } = [OverAnyFeasible, OverEnergyFeasible];

    /// <summary>Keys that exist only when windows are judged (<see cref="EdgeCloudEvaluationSettings.JudgeFeasibility"/>).</summary>
    public static IReadOnlyList<string> FeasibilityKeys { get; } = [InfeasibleShare, OverAnyFeasible, EnergyInfeasibleShare, OverEnergyFeasible];

    /// <summary>The metrics a report shows: all of them, without the feasibility columns when windows were not judged (they would read 0 %).</summary>
    public static IReadOnlyList<EdgeCloudMetric> Reported(bool windowsJudged) =>
        windowsJudged ? All : All.Where(m => !FeasibilityKeys.Contains(m.Key)).ToList();

    /// <summary>Keys whose value is a mean excess over violating windows (pooled over seeds, not averaged).</summary>
    public static IReadOnlyList<string> ExcessKeys { get; } = [EnergyExcess, SpendExcess, SloExcess];

    public static IReadOnlyList<EdgeCloudMetric> All { get; } =
    [
        new(Rate, "QW tok/s", "F2"),
        new(RatePerRequest, "QW tok/s (per-request mean)", "F2"),
        new(TokensPerSecond, "Tok/s", "F2"),
        new(EnergyPerToken, "J/token", "F3"),
        new(Quality, "Quality", "F3"),
        new(EnergyPerWindow, "Energy/window (J)", "F0"),
        new(SpendPerWindow, "Spend/window ($)", "F4"),
        new(OverEnergy, "Over energy", "P1", Percent: true),
        new(OverSpend, "Over spend", "P1", Percent: true),
        new(OverSlo, "Over SLO budget", "P1", Percent: true),
        new(OverAny, "Over any budget", "P1", Percent: true),
        new(InfeasibleShare, "Infeasible windows", "P1", Percent: true),
        new(OverAnyFeasible, "Over any budget (feasible windows)", "P1", Percent: true),
        new(EnergyInfeasibleShare, "Energy-infeasible windows", "P1", Percent: true),
        new(OverEnergyFeasible, "Over energy (energy-feasible windows)", "P1", Percent: true),
        new(EnergyExcess, "Energy excess (J)", "F1"),
        new(SpendExcess, "Spend excess ($)", "F4"),
        new(SloExcess, "SLO excess (misses)", "F2"),
        new(SloMiss, "SLO misses", "P1", Percent: true),
        new(LocalShare, "Local", "P0", Percent: true),
        new(CloudShare, "Cloud", "P0", Percent: true),
        new(SpeculativeShare, "Spec.", "P0", Percent: true),
        new(MeanDraftLength, "Mean k", "F2"),
        new(FallbackShare, "Fallback", "P1", Percent: true),
        new(SpeculativeGainOverFixedBest, "Spec. k gain vs fixed best k", "P1", Percent: true),
        new(SpeculativeGainOverPlanner, "Spec. k gain vs k*", "P1", Percent: true),
    ];
}
