using Controller.Training.Reports;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>One method's metrics over all seeds (mean ± sd), as the result table shows them.</summary>
public sealed record MethodSummary(
    string Method,
    int Seeds,
    MeanAndDeviation Score,
    MeanAndDeviation Association,
    MeanAndDeviation LatencyS,
    MeanAndDeviation UsageUsd,
    MeanAndDeviation Reward,
    MeanAndDeviation LatencyViolationShare,
    MeanAndDeviation UsageViolationShare,
    MeanAndDeviation LatencyExcessS,
    MeanAndDeviation UsageExcessUsd)
{
    /// <summary>Summarises one method's per-seed results.</summary>
    public static MethodSummary Of(string method, IReadOnlyList<SeedResult> seeds) => new(
        method,
        seeds.Count,
        MeanAndDeviation.Of(seeds.Select(s => s.Score).ToList()),
        MeanAndDeviation.Of(seeds.Select(s => s.Association).ToList()),
        MeanAndDeviation.Of(seeds.Select(s => s.LatencyS).ToList()),
        MeanAndDeviation.Of(seeds.Select(s => s.UsageUsd).ToList()),
        MeanAndDeviation.Of(seeds.Select(s => s.Reward).ToList()),
        MeanAndDeviation.Of(seeds.Select(s => s.LatencyViolationShare).ToList()),
        MeanAndDeviation.Of(seeds.Select(s => s.UsageViolationShare).ToList()),
        PooledExcess(seeds.Select(s => (s.LatencyViolations, s.LatencyExcessS)).ToList()),
        PooledExcess(seeds.Select(s => (s.UsageViolations, s.UsageExcessUsd)).ToList()));

    /// <summary>
    /// Mean excess among every violating dialogue of every seed (a seed without violations adds
    /// nothing, rather than a zero that would dilute the mean); the deviation is over the seeds that
    /// had violations. 0 ± 0 when no dialogue of any seed was over budget.
    /// </summary>
    private static MeanAndDeviation PooledExcess(IReadOnlyList<(int Violations, double MeanExcess)> seeds)
    {
        var violating = seeds.Where(s => s.Violations > 0).ToList();
        if (violating.Count == 0)
        {
            return new MeanAndDeviation(0, 0);
        }

        var mean = violating.Sum(s => s.Violations * s.MeanExcess) / violating.Sum(s => s.Violations);
        return new MeanAndDeviation(mean, MeanAndDeviation.Of(violating.Select(s => s.MeanExcess).ToList()).StandardDeviation);
    }
}
