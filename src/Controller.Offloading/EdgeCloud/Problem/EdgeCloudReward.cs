namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// Reward and costs of one request of the edge–cloud problem, normalised as the learners see them. Reward: quality-weighted
/// tokens per second q·L/latency times a scale. Costs [energy, spend, slo]: J / energy budget, US$ / spend budget,
/// miss / misses allowed per window — so each constraint reads "expected window total ≤ 1".
/// </summary>
public static class EdgeCloudReward
{
    /// <summary>Names of the cost vector's entries.</summary>
    public static IReadOnlyList<string> CostNames { get; } = ["energy", "spend", "slo"];

    /// <summary>Quality-weighted tokens per second of one answer, q·L / latency (0 for a non-positive latency).</summary>
    public static double QualityWeightedRate(double quality, int tokens, double latencyMs) =>
        latencyMs > 0 ? quality * tokens / (latencyMs / 1_000) : 0;

    /// <summary>True when the answer took longer than the SLO.</summary>
    public static bool MissesSlo(double latencyMs, WindowBudgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return latencyMs > budgets.LatencySloMs;
    }

    /// <summary>Writes the normalised cost vector of one answer.</summary>
    public static void WriteCosts(double energyJoules, double spendUsd, bool sloMiss, WindowBudgets budgets, Span<float> costs)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        costs[0] = (float)(energyJoules / budgets.EnergyBudgetJoules);
        costs[1] = (float)(spendUsd / budgets.SpendBudgetUsd);
        costs[2] = sloMiss ? (float)(1 / budgets.SloMissesPerWindow) : 0f;
    }
}
