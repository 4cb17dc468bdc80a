using System.Globalization;
using Controller.Offloading.EdgeCloud.Evaluation;
using Controller.Offloading.Evaluation;
using Spectre.Console;

namespace Controller.Cli.Jobs;

/// <summary>Trains one edge–cloud policy per seed with a progress bar per run and prints where each landed.</summary>
internal static class EdgeCloudTrainJob
{
    public static IReadOnlyList<EdgeCloudTrainingOutcome> Run(IReadOnlyList<EdgeCloudTrainingRequest> requests, CancellationToken cancellationToken)
    {
        var outcomes = new List<EdgeCloudTrainingOutcome>(requests.Count);
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                foreach (var request in requests)
                {
                    var task = context.AddTask($"edge-cloud {request.Algorithm.Name} seed {request.Seed}", maxValue: request.Steps);
                    outcomes.Add(EdgeCloudTrainer.Train(request, new SynchronousProgress(task, request.Steps), cancellationToken));
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
                requests[i].Seed.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(o.BundleDirectory),
                o.Timesteps.ToString(CultureInfo.InvariantCulture),
                o.MeanEpisodeReturn.ToString("F3", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", o.Multipliers.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:F3}")))),
                o.TrainSeconds.ToString("F2", CultureInfo.InvariantCulture),
                o.TrainCpuSeconds.ToString("F2", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return outcomes;
    }

    private sealed class SynchronousProgress(ProgressTask task, long total) : IProgress<long>
    {
        public void Report(long value) => task.Value = Math.Min(value, total);
    }
}
