using System.Globalization;
using Controller.Cli.Output;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Training.Learners;
using Controller.Training.Tmo.Evaluation;
using Spectre.Console;

namespace Controller.Cli.Jobs;

/// <summary>Trains one policy per seed with a progress bar per run and prints where each landed.</summary>
internal static class TrainJob
{
    public static IReadOnlyList<TrainingOutcome> Run(IReadOnlyList<TmoTrainingRequest> requests, CancellationToken cancellationToken) =>
        RunAll(
            requests,
            r => new RunLabel($"{r.Algorithm.Name} seed {r.Seed}", r.Seed, r.Steps),
            (r, progress) => TmoTrainer.Train(r, progress, cancellationToken));

    public static IReadOnlyList<TrainingOutcome> Run(IReadOnlyList<EdgeCloudTrainingRequest> requests, CancellationToken cancellationToken) =>
        RunAll(
            requests,
            r => new RunLabel($"edge-cloud {r.Algorithm.Name} seed {r.Seed}", r.Seed, r.Steps),
            (r, progress) => EdgeCloudTrainer.Train(r, progress, cancellationToken));

    private static List<TrainingOutcome> RunAll<TRequest>(
        IReadOnlyList<TRequest> requests, Func<TRequest, RunLabel> label, Func<TRequest, IProgress<long>, TrainingOutcome> train)
    {
        var outcomes = ProgressBars.Show(AnsiConsole.Console, bars =>
        {
            var done = new List<TrainingOutcome>(requests.Count);
            foreach (var request in requests)
            {
                var run = label(request);
                var bar = bars.Add(run.Description, run.Steps);
                done.Add(train(request, bar));
                bar.Complete();
            }

            return done;
        });

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("seed").AddColumn("bundle").AddColumn(new TableColumn("steps").RightAligned())
            .AddColumn(new TableColumn("mean episode return").RightAligned()).AddColumn("multipliers").AddColumn(new TableColumn("train s").RightAligned()).AddColumn(new TableColumn("cpu s").RightAligned());
        for (var i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i];
            table.AddRow(
                label(requests[i]).Seed.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(o.BundleDirectory),
                o.Timesteps.ToString(CultureInfo.InvariantCulture),
                o.MeanEpisodeReturn.ToString("F3", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", o.Multipliers.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:F3}")))),
                o.TrainSeconds.ToString("F2", CultureInfo.InvariantCulture),
                o.TrainCpuSeconds.ToString("F2", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (outcomes.Count > 1)
        {
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
                $"train s: {Spread(outcomes.Select(o => o.TrainSeconds))}; cpu s: {Spread(outcomes.Select(o => o.TrainCpuSeconds))}");
        }

        return outcomes;
    }

    private static string Spread(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"min {sorted[0]:F2}, median {median:F2}, max {sorted[^1]:F2}");
    }

    private readonly record struct RunLabel(string Description, int Seed, long Steps);
}
