using System.Globalization;
using System.Text;
using System.Text.Json;
using Controller.Contracts;
using Controller.Learning.Metrics;
using Controller.Training.Reports;

namespace Controller.Training.EdgeCloud.Evaluation;

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
        foreach (var metric in EdgeCloudMetrics.Reported(report.Settings.JudgeFeasibility))
        {
            builder.Append(CultureInfo.InvariantCulture, $",{metric.Key}_mean,{metric.Key}_sd");
        }

        builder.AppendLine();
        foreach (var s in report.Summaries)
        {
            builder.Append(Quote(s.Method)).Append(',').Append(s.Seeds.ToString(CultureInfo.InvariantCulture));
            foreach (var metric in EdgeCloudMetrics.Reported(report.Settings.JudgeFeasibility))
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

    /// <summary>
    /// One row per (method, seed, device, window): the window's network, device class, start heat and totals, and —
    /// when judged — each simple plan's replayed totals and the feasibility verdicts (<see cref="EdgeCloudFeasibility"/>).
    /// </summary>
    public static string WindowsCsv(EdgeCloudReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Settings.Options;
        var builder = new StringBuilder("method,seed,device,window,network,device_class,start_speed_factor,energy_j,spend_usd,requests,slo_misses,over_energy,over_any");
        foreach (var plan in EdgeCloudFeasibility.Plans)
        {
            var p = PlanName(plan);
            builder.Append(CultureInfo.InvariantCulture, $",{p}_energy_j,{p}_expected_energy_j,{p}_spend_usd,{p}_requests,{p}_slo_misses,{p}_local_requests,{p}_down_link_requests,{p}_mean_speed_factor");
        }

        builder.AppendLine(",energy_lower_bound_j,energy_bound_exceeded,energy_feasible,slo_feasible,jointly_feasible");
        foreach (var seed in report.Seeds)
        {
            foreach (var w in seed.Windows)
            {
                builder.Append(CultureInfo.InvariantCulture,
                    $"{Quote(seed.Method)},{seed.Seed},{w.Device},{w.Window},{Name(w.Network)},{w.DeviceClass},{R(w.StartSpeedFactor)},{R(w.EnergyJoules)},{R(w.SpendUsd)},{w.Requests},{w.SloMisses},{Flag(EdgeCloudFeasibility.OverEnergy(w, o))},{Flag(EdgeCloudFeasibility.OverAny(w, o))}");
                foreach (var plan in EdgeCloudFeasibility.Plans)
                {
                    var t = w.Feasibility?.Plans.FirstOrDefault(p => p.Plan == plan);
                    builder.Append(t is null
                        ? ",,,,,,,,"
                        : string.Create(CultureInfo.InvariantCulture, $",{R(t.EnergyJoules)},{R(t.ExpectedEnergyJoules)},{R(t.SpendUsd)},{t.Requests},{t.SloMisses},{t.LocalRequests},{t.DownLinkRequests},{R(t.MeanSpeedFactor)}"));
                }

                var f = w.Feasibility;
                builder.AppendLine(f is null ? ",,,,," : $",{R(f.EnergyLowerBoundJoules)},{Flag(f.EnergyBoundExceeded)},{Flag(f.EnergyFeasible)},{Flag(f.SloFeasible)},{Flag(f.JointlyFeasible)}");
            }
        }

        return builder.ToString();
    }

    /// <summary>Column prefix of a plan in <see cref="WindowsCsv"/>: least_energy, fallback, least_latency.</summary>
    public static string PlanName(EdgeCloudPlan plan) => plan switch
    {
        EdgeCloudPlan.LeastEnergy => "least_energy",
        EdgeCloudPlan.Fallback => "fallback",
        _ => "least_latency",
    };

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
            windowsJudged = report.Settings.JudgeFeasibility,
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
                metrics = s.Metrics.Where(kv => report.Settings.JudgeFeasibility || !EdgeCloudMetrics.FeasibilityKeys.Contains(kv.Key))
                    .ToDictionary(kv => kv.Key, kv => new { mean = kv.Value.Mean, sd = kv.Value.StandardDeviation }),
                meanDraftLengthByNetwork = NetworkOrder.Where(s.DraftLengthCounts.ContainsKey).ToDictionary(Name, n => s.MeanDraftLength(n)),
            }),
            feasibility = new
            {
                definition = FeasibilityDefinition,
                byNetworkAndDevice = EdgeCloudFeasibilityRow.Summarise(report.Seeds).Select(r => new
                {
                    network = r.Network is { } n ? Name(n) : "all",
                    device = r.DeviceClass,
                    windows = r.Windows,
                    energyInfeasible = new { least = r.EnergyInfeasible.Least, most = r.EnergyInfeasible.Most },
                    sloInfeasible = new { least = r.SloInfeasible.Least, most = r.SloInfeasible.Most },
                    jointlyInfeasible = new { least = r.JointlyInfeasible.Least, most = r.JointlyInfeasible.Most },
                    leastPlanEnergyJoules = r.LeastPlanEnergyJoules,
                    startSpeedFactorInfeasible = r.StartSpeedInfeasible,
                    startSpeedFactorAll = r.StartSpeedAll,
                    downLinkShareInfeasible = r.DownLinkShareInfeasible,
                    energyBoundExceeded = new { least = r.EnergyBoundExceeded.Least, most = r.EnergyBoundExceeded.Most },
                    boundOverLeastPlanEnergyInfeasible = r.BoundShareInfeasible,
                }),
            },
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
            $"Devices {string.Join(", ", o.Devices)}; networks {string.Join(", ", o.Networks.Select(Name))}; budgets {o.EnergyBudgetJoules} J and ${o.SpendBudgetUsd} per {o.WindowSeconds} s window, SLO {o.LatencySloMs / 1_000} s, K = {o.MaxDraftLength}, budget mask {(o.MaskOverBudget ? "on" : "off")}; {Plural.Of(report.Settings.Seeds.Count, "seed")} × {Plural.Of(report.Settings.DevicesPerSeed, "device")} × {Plural.Of(report.Settings.WindowsPerDevice, "window")} (mean ± sd over seeds); {report.World}; evaluated in {report.ElapsedSeconds:F1} s.");
        builder.AppendLine();
        foreach (var line in report.Provenance)
        {
            builder.AppendLine($"* {line}");
        }

        if (report.Provenance.Count > 0)
        {
            builder.AppendLine();
        }

        builder.AppendLine("QW tok/s = Σ quality × tokens / Σ latency over all requests (the learner's per-request reward q·L/latency, averaged, is the secondary column). Over … budget = share of windows over it (SLO budget: more misses than allowed per window); infeasible windows and the shares over feasible windows are explained below the table; excesses are means over the violating windows of all seeds. Fallback = requests where the mask forbade a rule's own action; they are left out of Mean k and the k table.");
        builder.AppendLine();
        builder.AppendLine("| Method | " + string.Join(" | ", EdgeCloudMetrics.Reported(report.Settings.JudgeFeasibility).Select(m => m.Header)) + " |");
        builder.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", EdgeCloudMetrics.Reported(report.Settings.JudgeFeasibility).Count)));
        foreach (var s in report.Summaries)
        {
            builder.AppendLine("| " + s.Method + " | " + string.Join(" | ", EdgeCloudMetrics.Reported(report.Settings.JudgeFeasibility).Select(m => Cell(s.Metrics[m.Key], m))) + " |");
        }

        AppendFeasibility(builder, report);
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

    /// <summary>How windows are judged, for the reports (the full text is <see cref="EdgeCloudFeasibility"/> and docs/edge-cloud.md).</summary>
    public const string FeasibilityDefinition =
        "Each window is replayed from the method's own start state (its earlier windows' actions replayed on a fresh copy of the device) with three simple plans and the budget mask off: "
        + "least expected energy per request, the budget mask's fallback, and least expected latency. A window is energy-feasible when one plan's realised energy is within the energy budget, "
        + "SLO-feasible when one plan misses the SLO at most the allowed number of times, always spend-feasible (all local spends $0), and feasible (jointly) when one plan meets every budget at once; the method's own window counts as a fourth witness. "
        + "A heuristic, not a bound: feasible means a plan did it; infeasible means none did. Beside it, a lower bound on every policy's expected window energy is computed per window.";

    private static void AppendFeasibility(StringBuilder builder, EdgeCloudReport report)
    {
        var rows = EdgeCloudFeasibilityRow.Summarise(report.Seeds);
        if (rows.Count == 0)
        {
            return;
        }

        builder.AppendLine();
        builder.AppendLine("Feasible windows. " + FeasibilityDefinition + " Counts are per method's windows; where the methods' start states give different counts, the least and the most are shown. "
            + "Lowest plan J = mean, over the energy-infeasible windows, of the lowest realised energy among the plans; speed = thermal speed factor at the window start (1 = cool); down link = share of those replays' requests on a down link. "
            + "Bound > budget = windows whose lower bound on the expected energy of every policy (EdgeCloudFeasibility.EnergyLowerBound: best link in the window, nominal speed, true α) exceeds the energy budget — sound, in expectation; "
            + "bound ÷ lowest plan J shows how close that bound comes to the simple plans.");
        builder.AppendLine();
        builder.AppendLine("| Network | Device | Windows | Energy-infeasible | SLO-infeasible | Infeasible (jointly) | Lowest plan J (energy-infeasible) | Speed (energy-infeasible / all) | Down link (energy-infeasible) | Bound > budget | Bound ÷ lowest plan J (energy-infeasible) |");
        builder.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var infeasible = r.EnergyInfeasible.Most > 0;
            builder.AppendLine(CultureInfo.InvariantCulture,
                $"| {(r.Network is { } n ? Name(n) : "**all**")} | {r.DeviceClass} | {r.Windows} | {Range(r.EnergyInfeasible)} | {Range(r.SloInfeasible)} | {Range(r.JointlyInfeasible)} | {(infeasible ? r.LeastPlanEnergyJoules.ToString("F0", CultureInfo.InvariantCulture) : "–")} | {(infeasible ? r.StartSpeedInfeasible.ToString("F2", CultureInfo.InvariantCulture) : "–")} / {r.StartSpeedAll.ToString("F2", CultureInfo.InvariantCulture)} | {(infeasible ? r.DownLinkShareInfeasible.ToString("P0", CultureInfo.InvariantCulture) : "–")} | {Range(r.EnergyBoundExceeded)} | {(infeasible ? r.BoundShareInfeasible.ToString("P0", CultureInfo.InvariantCulture) : "–")} |");
        }
    }

    private static string Range((int Least, int Most) count) => count.Least == count.Most
        ? count.Least.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{count.Least}–{count.Most}");

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "1" : "0";

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
