using System.Globalization;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Training.Reports;

/// <summary>The result table as text cells (mean ± sd), shared by the console, Markdown and CSV writers.</summary>
public static class ReportTable
{
    /// <summary>Column headers.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "Method", "Score R̂", "Association", "Latency (s)", "Usage ($)", "Reward", "Reward / Oracle",
        "Over latency", "Over usage", "Latency excess (s)", "Usage excess ($)",
    ];

    /// <summary>One row of cells per method.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(EvaluationReport report)
    {
        var oracle = report.OracleReward;
        return report.Summaries.Select(s => (IReadOnlyList<string>)
        [
            s.Method,
            Format(s.Score, "F3"),
            Format(s.Association, "F3"),
            Format(s.LatencyS, "F2"),
            Format(s.UsageUsd, "F4"),
            Format(s.Reward, "F3"),
            oracle is { } o && o > 0 ? (s.Reward.Mean / o).ToString("P1", CultureInfo.InvariantCulture) : "–",
            Percent(s.LatencyViolationShare),
            Percent(s.UsageViolationShare),
            Format(s.LatencyExcessS, "F2"),
            Format(s.UsageExcessUsd, "F4"),
        ]).ToList();
    }

    private static string Format(MeanAndDeviation value, string format) =>
        $"{value.Mean.ToString(format, CultureInfo.InvariantCulture)} ± {value.StandardDeviation.ToString(format, CultureInfo.InvariantCulture)}";

    private static string Percent(MeanAndDeviation value) =>
        $"{value.Mean.ToString("P1", CultureInfo.InvariantCulture)} ± {value.StandardDeviation.ToString("P1", CultureInfo.InvariantCulture)}";
}
