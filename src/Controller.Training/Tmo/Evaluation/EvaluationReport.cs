namespace Controller.Training.Tmo.Evaluation;

/// <summary>The result of a comparison: one summary per method and every per-seed result.</summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Settings">The protocol.</param>
/// <param name="Summaries">One row per method, in the order the methods were given.</param>
/// <param name="Seeds">Every (method, seed) result.</param>
/// <param name="ElapsedSeconds">Wall time of the evaluation, seconds.</param>
/// <param name="Provenance">One line per learned method: how it was trained, and where that differs from this evaluation.</param>
/// <param name="CpuSeconds">
/// Processor time the process spent during the evaluation (all threads), seconds; null when not measured. On a
/// shared machine this, not the wall time, is the cost of the run.
/// </param>
public sealed record EvaluationReport(
    string Dataset,
    EvaluationSettings Settings,
    IReadOnlyList<MethodSummary> Summaries,
    IReadOnlyList<SeedResult> Seeds,
    double ElapsedSeconds,
    double? CpuSeconds = null,
    IReadOnlyList<string>? Provenance = null)
{
    /// <summary>Reward of the unconstrained oracle, when it took part: the denominator of "share of oracle".</summary>
    public double? OracleReward => Summaries.FirstOrDefault(s => s.Method == "Oracle")?.Reward.Mean;

    /// <summary>Reward of the budget-feasible oracle, when it took part.</summary>
    public double? FeasibleOracleReward => Summaries.FirstOrDefault(s => s.Method == "Oracle (budget-feasible)")?.Reward.Mean;
}
