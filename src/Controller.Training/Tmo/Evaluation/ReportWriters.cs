using System.Globalization;
using System.Text;
using System.Text.Json;
using Controller.Learning.Metrics;
using Controller.Training.Reports;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>Writes an <see cref="EvaluationReport"/> as CSV, JSON and Markdown.</summary>
public static class ReportWriters
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>One row per method with every metric's mean and sd as numbers.</summary>
    public static string Csv(EvaluationReport report)
    {
        var builder = new StringBuilder();
        builder.AppendLine("method,seeds,score_mean,score_sd,association_mean,association_sd,latency_s_mean,latency_s_sd,usage_usd_mean,usage_usd_sd,reward_mean,reward_sd,over_latency_share_mean,over_latency_share_sd,over_usage_share_mean,over_usage_share_sd,latency_excess_s_mean,latency_excess_s_sd,usage_excess_usd_mean,usage_excess_usd_sd");
        foreach (var s in report.Summaries)
        {
            MeanAndDeviation[] values = [s.Score, s.Association, s.LatencyS, s.UsageUsd, s.Reward, s.LatencyViolationShare, s.UsageViolationShare, s.LatencyExcessS, s.UsageExcessUsd];
            builder.Append(Quote(s.Method)).Append(',').Append(s.Seeds.ToString(CultureInfo.InvariantCulture));
            foreach (var v in values)
            {
                builder.Append(',').Append(v.Mean.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(v.StandardDeviation.ToString("R", CultureInfo.InvariantCulture));
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }

    /// <summary>The table (summaries) and the protocol as one JSON object; per-seed results included when <paramref name="includeSeeds"/>.</summary>
    public static string JsonText(EvaluationReport report, bool includeSeeds = true, bool indented = true)
    {
        var settings = report.Settings;
        var document = new
        {
            dataset = report.Dataset,
            device = settings.Device.Name,
            network = settings.Network.Name,
            latencyBudgetS = settings.Options.LatencyBudgetS,
            usageBudgetUsd = settings.Options.UsageBudgetUsd,
            seeds = settings.Seeds,
            elapsedSeconds = report.ElapsedSeconds,
            cpuSeconds = report.CpuSeconds,
            provenance = report.Provenance,
            oracleReward = report.OracleReward,
            methods = report.Summaries,
            perSeed = includeSeeds ? report.Seeds.Select(r => new { r.Method, r.Seed, r.Score, r.Association, r.LatencyS, r.UsageUsd, r.Reward, r.LatencyViolationShare, r.UsageViolationShare, r.LatencyExcessS, r.UsageExcessUsd }) : null,
        };
        return JsonSerializer.Serialize(document, indented ? Json : new JsonSerializerOptions(Json) { WriteIndented = false });
    }

    /// <summary>A Markdown table with a line on the protocol.</summary>
    public static string Markdown(EvaluationReport report)
    {
        var settings = report.Settings;
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"Dataset `{report.Dataset}`, device `{settings.Device.Name}`, network `{settings.Network.Name}`, budgets {settings.Options.LatencyBudgetS} s / ${settings.Options.UsageBudgetUsd} per dialogue, {Plural.Of(settings.Seeds.Count, "seed")} (mean ± sd over seeds), evaluated in {report.ElapsedSeconds:F1} s{(report.CpuSeconds is { } cpu ? $" ({cpu:F1} s of processor time)" : string.Empty)}.");
        builder.AppendLine();
        foreach (var line in report.Provenance ?? [])
        {
            builder.AppendLine("* " + line);
        }

        if (report.Provenance is { Count: > 0 })
        {
            builder.AppendLine();
        }

        builder.AppendLine("| " + string.Join(" | ", ReportTable.Headers) + " |");
        builder.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", ReportTable.Headers.Count)));
        foreach (var row in ReportTable.Rows(report))
        {
            builder.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return builder.ToString();
    }

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}
