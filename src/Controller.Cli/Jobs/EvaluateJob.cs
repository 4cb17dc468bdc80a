using System.Globalization;
using Controller.Cli.Output;
using Controller.Training.Learners;
using Controller.Training.Reports;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Evaluation;
using Spectre.Console;

namespace Controller.Cli.Jobs;

/// <summary>Runs the comparison with a progress bar, prints the table and writes CSV, JSON, Markdown and SVG.</summary>
internal static class EvaluateJob
{
    public static EvaluationReport Run(TmoDataset dataset, EvaluationSettings settings, IReadOnlyList<EvaluationMethod> methods, IReadOnlyList<string> policyDirectories, string outputDirectory, CancellationToken cancellationToken)
    {
        var report = ProgressBars.Show(AnsiConsole.Console, bars => TmoEvaluator.Run(
            dataset, settings, methods, bars.Add(EvaluationProgress.Describe(methods.Count, settings.Seeds.Count), methods.Count * settings.Seeds.Count), cancellationToken));

        Directory.CreateDirectory(outputDirectory);
        File.WriteAllText(Path.Combine(outputDirectory, "results.csv"), ReportWriters.Csv(report));
        File.WriteAllText(Path.Combine(outputDirectory, "results.json"), ReportWriters.JsonText(report));
        File.WriteAllText(Path.Combine(outputDirectory, "results.md"), ReportWriters.Markdown(report));
        File.WriteAllText(Path.Combine(outputDirectory, "reward_vs_usage.svg"), SvgCharts.RewardAgainstCost(report, latencyAxis: false));
        File.WriteAllText(Path.Combine(outputDirectory, "reward_vs_latency.svg"), SvgCharts.RewardAgainstCost(report, latencyAxis: true));
        var curves = LearningCurves(policyDirectories);
        if (curves.Count > 0)
        {
            File.WriteAllText(Path.Combine(outputDirectory, "learning_curves.svg"), SvgCharts.LearningCurves(curves, "mean episode reward"));
        }

        Render(report);
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, $"Evaluated in [bold]{report.ElapsedSeconds:F1} s[/] ({report.CpuSeconds:F1} s of processor time); wrote results.csv, results.json, results.md and charts to [bold]{Markup.Escape(outputDirectory)}[/].");
        return report;
    }

    private static void Render(EvaluationReport report)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in ReportTable.Headers)
        {
            table.AddColumn(Markup.Escape(header));
        }

        foreach (var row in ReportTable.Rows(report))
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
    }

    private static List<(string Name, IReadOnlyList<(double Step, double Value)> Points)> LearningCurves(IReadOnlyList<string> policyDirectories)
    {
        var curves = new List<(string, IReadOnlyList<(double, double)>)>();
        foreach (var root in policyDirectories)
        {
            var files = Directory.EnumerateFiles(root, LearnerRun.LearningCurveFile, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                var points = LearningCurveFile.Read(file);
                if (points.Count > 0)
                {
                    var name = $"{Path.GetFileName(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar))}/{Path.GetFileName(Path.GetDirectoryName(file))}";
                    curves.Add((name, points));
                }
            }
        }

        return curves;
    }
}
