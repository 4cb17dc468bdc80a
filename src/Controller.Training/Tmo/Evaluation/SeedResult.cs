using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>One method on one seed's test split: per-dialogue metrics averaged, and budget violations.</summary>
/// <param name="Method">Method name.</param>
/// <param name="Seed">Split seed.</param>
/// <param name="Score">Mean over dialogues of the mean R̂.</param>
/// <param name="Association">Mean over dialogues of the mean raw association.</param>
/// <param name="LatencyS">Mean total latency per dialogue, seconds.</param>
/// <param name="UsageUsd">Mean total price per dialogue, US dollars.</param>
/// <param name="Reward">Mean over dialogues of the mean reward per turn.</param>
/// <param name="LatencyViolationShare">Share of dialogues over the latency budget, 0..1.</param>
/// <param name="UsageViolationShare">Share of dialogues over the usage budget, 0..1.</param>
/// <param name="LatencyExcessS">Mean excess over the latency budget among violating dialogues, seconds (0 without violations).</param>
/// <param name="UsageExcessUsd">Mean excess over the usage budget among violating dialogues, US dollars (0 without violations).</param>
/// <param name="Dialogues">Per-dialogue results.</param>
/// <param name="LatencyViolations">Number of dialogues over the latency budget.</param>
/// <param name="UsageViolations">Number of dialogues over the usage budget.</param>
public sealed record SeedResult(
    string Method,
    int Seed,
    double Score,
    double Association,
    double LatencyS,
    double UsageUsd,
    double Reward,
    double LatencyViolationShare,
    double UsageViolationShare,
    double LatencyExcessS,
    double UsageExcessUsd,
    IReadOnlyList<DialogueResult> Dialogues,
    int LatencyViolations,
    int UsageViolations)
{
    /// <summary>Averages <paramref name="dialogues"/> and counts violations of the budgets.</summary>
    public static SeedResult From(string method, int seed, IReadOnlyList<DialogueResult> dialogues, double latencyBudgetS, double usageBudgetUsd)
    {
        var overLatency = dialogues.Where(d => BudgetComparison.Over(d.TotalLatencyS, latencyBudgetS)).ToList();
        var overUsage = dialogues.Where(d => BudgetComparison.Over(d.TotalUsageUsd, usageBudgetUsd)).ToList();
        return new SeedResult(
            method,
            seed,
            dialogues.Average(d => d.MeanScore),
            dialogues.Average(d => d.MeanRawAssociation),
            dialogues.Average(d => d.TotalLatencyS),
            dialogues.Average(d => d.TotalUsageUsd),
            dialogues.Average(d => d.MeanReward),
            (double)overLatency.Count / dialogues.Count,
            (double)overUsage.Count / dialogues.Count,
            overLatency.Count == 0 ? 0 : overLatency.Average(d => d.TotalLatencyS - latencyBudgetS),
            overUsage.Count == 0 ? 0 : overUsage.Average(d => d.TotalUsageUsd - usageBudgetUsd),
            dialogues,
            overLatency.Count,
            overUsage.Count);
    }
}
