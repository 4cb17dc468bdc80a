namespace Controller.Offloading.Evaluation;

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
        MeanAndDeviation.Of(seeds.Select(s => s.LatencyExcessS).ToList()),
        MeanAndDeviation.Of(seeds.Select(s => s.UsageExcessUsd).ToList()));
}
