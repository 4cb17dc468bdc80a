using System.Globalization;
using Controller.Cli.Output;
using Controller.Learning.Algorithms;
using Controller.Learning.Policies;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Training.Learners;
using Controller.Training.Reports;
using Spectre.Console;

namespace Controller.Cli.Jobs;

/// <summary>Runs the edge–cloud comparison with a progress bar, prints the tables and writes CSV, JSON, Markdown and SVG.</summary>
internal static class EdgeCloudEvaluateJob
{
    public static EdgeCloudReport Run(EdgeCloudEvaluationSettings settings, IReadOnlyList<string> policyDirectories, string baselines, string outputDirectory, CancellationToken cancellationToken)
    {
        var methods = policyDirectories.Select(d => LearnedMethod(d, settings)).Concat(EdgeCloudMethod.Baselines(baselines, settings.Options)).ToList();
        var report = ProgressBars.Show(AnsiConsole.Console, bars => EdgeCloudEvaluator.Run(
            settings, methods, bars.Add(EvaluationProgress.Describe(methods.Count, settings.Seeds.Count), methods.Count * settings.Seeds.Count), cancellationToken));

        Directory.CreateDirectory(outputDirectory);
        File.WriteAllText(Path.Combine(outputDirectory, "results.csv"), EdgeCloudReportWriters.Csv(report));
        File.WriteAllText(Path.Combine(outputDirectory, "draft_lengths.csv"), EdgeCloudReportWriters.DraftLengthCsv(report));
        File.WriteAllText(Path.Combine(outputDirectory, "results.json"), EdgeCloudReportWriters.JsonText(report));
        File.WriteAllText(Path.Combine(outputDirectory, "results.md"), EdgeCloudReportWriters.Markdown(report));
        File.WriteAllText(Path.Combine(outputDirectory, "windows.csv"), EdgeCloudReportWriters.WindowsCsv(report));
        File.WriteAllText(Path.Combine(outputDirectory, "rate_vs_energy.svg"), EdgeCloudReportWriters.RateAgainstCost(report, energyAxis: true));
        File.WriteAllText(Path.Combine(outputDirectory, "rate_vs_spend.svg"), EdgeCloudReportWriters.RateAgainstCost(report, energyAxis: false));
        var sanity = new System.Text.StringBuilder();
        foreach (var directory in policyDirectories)
        {
            var bundles = Directory.GetDirectories(Path.GetFullPath(directory)).Where(d => File.Exists(Path.Combine(d, PolicyBundleSerializer.ManifestFile)))
                .Order(StringComparer.Ordinal).Select(d => (Path.GetFileName(d), EdgeCloudSanityChecks.Run(EdgeCloudTrainer.Load(Path.GetFileName(d), d, settings.Options), settings.Options))).ToList();
            if (bundles.Count > 0)
            {
                sanity.AppendLine(CultureInfo.InvariantCulture, $"## {Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar))}").AppendLine();
                sanity.AppendLine(EdgeCloudSanityChecks.Markdown(bundles));
            }
        }

        if (sanity.Length > 0)
        {
            File.WriteAllText(Path.Combine(outputDirectory, "sanity.md"), "# Sanity checks of the learned policies (EdgeCloudSanityChecks)" + System.Environment.NewLine + System.Environment.NewLine + sanity);
        }

        var curves = LearningCurves(policyDirectories);
        if (curves.Count > 0)
        {
            File.WriteAllText(Path.Combine(outputDirectory, "learning_curves.svg"), SvgCharts.LearningCurves(curves, "mean episode reward"));
        }

        Render(report);
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, $"Evaluated in [bold]{report.ElapsedSeconds:F1} s[/]; wrote results.csv, draft_lengths.csv, windows.csv, results.json, results.md and charts to [bold]{Markup.Escape(outputDirectory)}[/].");
        return report;
    }

    /// <summary>
    /// A learned method: for evaluation seed s it loads <c>directory/seed-s</c> when present, else the directory's only
    /// bundle (or the directory itself when it is a bundle).
    /// </summary>
    private static EdgeCloudMethod LearnedMethod(string directory, EdgeCloudEvaluationSettings settings)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"--policy {directory}: no such policy directory");
        }

        var bundles = File.Exists(Path.Combine(root, PolicyBundleSerializer.ManifestFile))
            ? [root]
            : Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, PolicyBundleSerializer.ManifestFile))).Order(StringComparer.Ordinal).ToArray();
        if (bundles.Length == 0)
        {
            throw new DirectoryNotFoundException($"--policy {directory}: holds no policy bundle (no manifest.json in it or in its seed-N folders); run 'controller train --env edge-cloud' first");
        }

        var first = EdgeCloudPolicySettings.Load(bundles[0]);
        var name = $"{LearnerKind.LabelOf(first.Algorithm)} ({Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar))})";
        var provenance = first.Describe(settings.Options);
        var loaded = new Dictionary<string, EdgeCloudLearnedPolicy>();
        return new EdgeCloudMethod(name, seed =>
        {
            var perSeed = Path.Combine(root, $"seed-{seed}");
            var bundle = Directory.Exists(perSeed) ? perSeed : bundles.Length == 1 ? bundles[0] : throw new DirectoryNotFoundException(
                $"--policy {directory}: no bundle for seed {seed} (seed-{seed}); train with --seed {seed} or pass a single bundle");
            lock (loaded)
            {
                if (!loaded.TryGetValue(bundle, out var policy))
                {
                    loaded[bundle] = policy = EdgeCloudTrainer.Load(name, bundle, settings.Options);
                }

                // One instance per simulated device: the network is shared (thread-safe), the mask scratch is not.
                return policy.ForAnotherDevice();
            }
        }, provenance);
    }

    private static void Render(EdgeCloudReport report)
    {
        var shown = new[] { EdgeCloudMetrics.Rate, EdgeCloudMetrics.TokensPerSecond, EdgeCloudMetrics.EnergyPerToken, EdgeCloudMetrics.OverAny, EdgeCloudMetrics.OverAnyFeasible, EdgeCloudMetrics.SloMiss, EdgeCloudMetrics.MeanDraftLength };
        var metrics = EdgeCloudMetrics.All.Where(m => shown.Contains(m.Key)).ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Method");
        foreach (var metric in metrics)
        {
            table.AddColumn(Markup.Escape(metric.Header));
        }

        foreach (var s in report.Summaries)
        {
            table.AddRow([Markup.Escape(s.Method), .. metrics.Select(m => Markup.Escape(
                $"{s.Metrics[m.Key].Mean.ToString(m.Format, CultureInfo.InvariantCulture)} ± {s.Metrics[m.Key].StandardDeviation.ToString(m.Format, CultureInfo.InvariantCulture)}"))]);
        }

        AnsiConsole.Write(table);
    }

    private static List<(string Name, IReadOnlyList<(double Step, double Value)> Points)> LearningCurves(IReadOnlyList<string> policyDirectories)
    {
        var curves = new List<(string, IReadOnlyList<(double, double)>)>();
        foreach (var root in policyDirectories)
        {
            foreach (var file in Directory.EnumerateFiles(root, LearnerRun.LearningCurveFile, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var points = LearningCurveFile.Read(file);
                if (points.Count > 0)
                {
                    curves.Add(($"{Path.GetFileName(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar))}/{Path.GetFileName(Path.GetDirectoryName(file))}", points));
                }
            }
        }

        return curves;
    }
}
