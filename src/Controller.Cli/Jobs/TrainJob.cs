using Controller.Offloading.Evaluation;
using Spectre.Console;

namespace Controller.Cli.Jobs;

/// <summary>Trains one policy per seed with a progress bar per run and prints where each landed.</summary>
internal static class TrainJob
{
    public static IReadOnlyList<TmoTrainingOutcome> Run(IReadOnlyList<TmoTrainingRequest> requests, CancellationToken cancellationToken)
    {
        var outcomes = new List<TmoTrainingOutcome>(requests.Count);
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                foreach (var request in requests)
                {
                    var task = context.AddTask($"{request.Algorithm.Name} seed {request.Seed}", maxValue: request.Steps);
                    outcomes.Add(TmoTrainer.Train(request, new SynchronousProgress(task, request.Steps), cancellationToken));
                    task.Value = request.Steps;
                }
            });

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("seed").AddColumn("bundle").AddColumn(new TableColumn("steps").RightAligned())
            .AddColumn(new TableColumn("mean episode return").RightAligned()).AddColumn("multipliers").AddColumn(new TableColumn("train s").RightAligned()).AddColumn(new TableColumn("cpu s").RightAligned());
        for (var i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i];
            table.AddRow(
                requests[i].Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(o.BundleDirectory),
                o.Timesteps.ToString(System.Globalization.CultureInfo.InvariantCulture),
                o.MeanEpisodeReturn.ToString("F3", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", o.Multipliers.Select(m => $"{m.Key}={m.Value:F3}"))),
                o.TrainSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
                o.TrainCpuSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (outcomes.Count > 1)
        {
            AnsiConsole.MarkupLine(System.Globalization.CultureInfo.InvariantCulture,
                $"train s: {Spread(outcomes.Select(o => o.TrainSeconds))}; cpu s: {Spread(outcomes.Select(o => o.TrainCpuSeconds))}");
        }
        return outcomes;
    }

    private static string Spread(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"min {sorted[0]:F2}, median {median:F2}, max {sorted[^1]:F2}");
    }

    // Progress<T> posts to the thread pool; the bar is updated inline so it never lags the run.
    private sealed class SynchronousProgress(ProgressTask task, long total) : IProgress<long>
    {
        public void Report(long value) => task.Value = Math.Min(value, total);
    }
}
