using System.Globalization;
using System.Text;
using System.Text.Json;
using Controller.Contracts;
using Controller.Offloading.Evaluation;

namespace Controller.Offloading.EdgeCloud.Evaluation;

/// <summary>Writes an <see cref="EdgeCloudReport"/> as CSV, JSON, Markdown and SVG charts.</summary>
public static class EdgeCloudReportWriters
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Network order of the k tables.</summary>
    public static IReadOnlyList<NetworkType> NetworkOrder { get; } = [NetworkType.Wired, NetworkType.WiFi, NetworkType.FiveG, NetworkType.Lte, NetworkType.PoorCell];

    /// <summary>One row per method: seeds, then each metric's mean and sd.</summary>
    public static string Csv(EdgeCloudReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder("method,seeds");
        foreach (var metric in EdgeCloudMetrics.All)
        {
            builder.Append(CultureInfo.InvariantCulture, $",{metric.Key}_mean,{metric.Key}_sd");
        }

        builder.AppendLine();
        foreach (var s in report.Summaries)
        {
            builder.Append(Quote(s.Method)).Append(',').Append(s.Seeds.ToString(CultureInfo.InvariantCulture));
            foreach (var metric in EdgeCloudMetrics.All)
            {
                var v = s.Metrics[metric.Key];
                builder.Append(',').Append(v.Mean.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(v.StandardDeviation.ToString("R", CultureInfo.InvariantCulture));
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }

    /// <summary>Chosen-k counts: one row per (method, network, k), pooled over seeds.</summary>
    public static string DraftLengthCsv(EdgeCloudReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder("method,network,k,requests,share").AppendLine();
        foreach (var s in report.Summaries)
        {
            foreach (var network in NetworkOrder.Where(s.DraftLengthCounts.ContainsKey))
            {
                var counts = s.DraftLengthCounts[network];
                var total = (double)counts.Sum();
                for (var k = 1; k < counts.Length; k++)
                {
                    builder.AppendLine(CultureInfo.InvariantCulture, $"{Quote(s.Method)},{Name(network)},{k},{counts[k]},{(total == 0 ? 0 : counts[k] / total).ToString("R", CultureInfo.InvariantCulture)}");
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>The protocol, the summaries and (optionally) per-seed metrics as one JSON object.</summary>
    public static string JsonText(EdgeCloudReport report, bool includeSeeds = true, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Settings.Options;
        var document = new
        {
            env = "edge-cloud",
            devices = o.Devices,
            networks = o.Networks.Select(Name),
            energyBudgetJoules = o.EnergyBudgetJoules,
            spendBudgetUsd = o.SpendBudgetUsd,
            latencySloMs = o.LatencySloMs,
            windowSeconds = o.WindowSeconds,
            maxDraftLength = o.MaxDraftLength,
            maskOverBudget = o.MaskOverBudget,
            seeds = report.Settings.Seeds,
            devicesPerSeed = report.Settings.DevicesPerSeed,
            windowsPerDevice = report.Settings.WindowsPerDevice,
            world = report.World,
            provenance = report.Provenance,
            elapsedSeconds = report.ElapsedSeconds,
            methods = report.Summaries.Select(s => new
            {
                method = s.Method,
                seeds = s.Seeds,
                metrics = s.Metrics.ToDictionary(kv => kv.Key, kv => new { mean = kv.Value.Mean, sd = kv.Value.StandardDeviation }),
                meanDraftLengthByNetwork = NetworkOrder.Where(s.DraftLengthCounts.ContainsKey).ToDictionary(Name, n => s.MeanDraftLength(n)),
            }),
            perSeed = includeSeeds ? report.Seeds.Select(r => new { method = r.Method, seed = r.Seed, metrics = r.Metrics }) : null,
        };
        return JsonSerializer.Serialize(document, indented ? Json : new JsonSerializerOptions(Json) { WriteIndented = false });
    }

    /// <summary>The main table, the chosen-k table by network and a line on the protocol.</summary>
    public static string Markdown(EdgeCloudReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Settings.Options;
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture,
            $"Devices {string.Join(", ", o.Devices)}; networks {string.Join(", ", o.Networks.Select(Name))}; budgets {o.EnergyBudgetJoules} J and ${o.SpendBudgetUsd} per {o.WindowSeconds} s window, SLO {o.LatencySloMs / 1_000} s, K = {o.MaxDraftLength}, budget mask {(o.MaskOverBudget ? "on" : "off")}; {report.Settings.Seeds.Count} seeds × {report.Settings.DevicesPerSeed} devices × {report.Settings.WindowsPerDevice} windows (mean ± sd over seeds); {report.World}; evaluated in {report.ElapsedSeconds:F1} s.");
        builder.AppendLine();
        foreach (var line in report.Provenance)
        {
            builder.AppendLine($"* {line}");
        }

        if (report.Provenance.Count > 0)
        {
            builder.AppendLine();
        }

        builder.AppendLine("QW tok/s = Σ quality × tokens / Σ latency over all requests (the learner's per-request reward q·L/latency, averaged, is the secondary column). Over … budget = share of windows over it (SLO budget: more misses than allowed per window); excesses are means over the violating windows of all seeds. Fallback = requests where the mask forbade a rule's own action; they are left out of Mean k and the k table.");
        builder.AppendLine();
        builder.AppendLine("| Method | " + string.Join(" | ", EdgeCloudMetrics.All.Select(m => m.Header)) + " |");
        builder.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", EdgeCloudMetrics.All.Count)));
        foreach (var s in report.Summaries)
        {
            builder.AppendLine("| " + s.Method + " | " + string.Join(" | ", EdgeCloudMetrics.All.Select(m => Cell(s.Metrics[m.Key], m))) + " |");
        }

        var networks = NetworkOrder.Where(n => report.Summaries.Any(s => s.DraftLengthCounts.ContainsKey(n))).ToList();
        builder.AppendLine();
        builder.AppendLine("Chosen draft length by network: mean k of the speculative requests, and the most chosen k with its share.");
        builder.AppendLine();
        builder.AppendLine("| Method | " + string.Join(" | ", networks.Select(Name)) + " |");
        builder.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", networks.Count)));
        foreach (var s in report.Summaries)
        {
            builder.AppendLine("| " + s.Method + " | " + string.Join(" | ", networks.Select(n => KCell(s, n))) + " |");
        }

        return builder.ToString();
    }

    /// <summary>Quality-weighted tokens/s against energy per window (budget line) or spend per window.</summary>
    public static string RateAgainstCost(EdgeCloudReport report, bool energyAxis)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Settings.Options;
        var key = energyAxis ? EdgeCloudMetrics.EnergyPerWindow : EdgeCloudMetrics.SpendPerWindow;
        var xLabel = energyAxis ? "device energy per window (J)" : "cloud spend per window ($)";
        var points = report.Summaries.Select(s => (s.Method, s.Metrics[key], s.Metrics[EdgeCloudMetrics.Rate])).ToList();
        return SvgCharts.Scatter($"Quality-weighted tokens/s against {xLabel}", xLabel, "quality-weighted tokens/s", points,
            energyAxis ? o.EnergyBudgetJoules : o.SpendBudgetUsd);
    }

    /// <summary>Command-line name of a network type.</summary>
    public static string Name(NetworkType network) => network switch
    {
        NetworkType.WiFi => "wifi",
        NetworkType.FiveG => "5g",
        NetworkType.Lte => "lte",
        NetworkType.PoorCell => "poor-cell",
        NetworkType.Wired => "wired",
        _ => network.ToString().ToLowerInvariant(),
    };

    private static string KCell(EdgeCloudMethodSummary summary, NetworkType network)
    {
        if (!summary.DraftLengthCounts.TryGetValue(network, out var counts) || counts.Sum() == 0)
        {
            return "–";
        }

        var mode = Array.IndexOf(counts, counts.Max());
        return string.Create(CultureInfo.InvariantCulture, $"{summary.MeanDraftLength(network):F2} (k={mode}: {(double)counts[mode] / counts.Sum():P0})");
    }

    private static string Cell(MeanAndDeviation value, EdgeCloudMetric metric) =>
        $"{value.Mean.ToString(metric.Format, CultureInfo.InvariantCulture)} ± {value.StandardDeviation.ToString(metric.Format, CultureInfo.InvariantCulture)}";

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}
