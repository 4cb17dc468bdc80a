using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Controller.Learning.Algorithms;
using Controller.Learning.Buffers;
using Controller.Learning.Nn;

namespace Controller.Benchmarks.Learning;

/// <summary>
/// One PPO update as SB3 runs it with TMO's settings — 2048 samples, minibatch 64, 10 epochs, separate 64-64 Tanh policy
/// and value networks, Adam, clip 0.2, grad-norm 0.5, 9 masked actions — ours against PyTorch doing the same update.
/// Both single-threaded. Reported as samples/s (samples × epochs per second of update); target ≥ 1.5× PyTorch.
/// </summary>
public sealed class PpoUpdateBenchmark : IBenchmark
{
    internal const int ObservationSize = 25;
    internal const int ActionCount = 9;

    public string Name => "ppo-update";

    public string Description => "PPO update (2048 samples, minibatch 64, 10 epochs, 64-64 networks): samples/s, ours against PyTorch.";

    public async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var hp = new PpoHyperparameters();
        var ppo = new Ppo(new TrainingSetup([new SyntheticEnvironment(ObservationSize, ActionCount)], settings.Seed), hp);
        var buffer = RandomRollout(hp.StepsPerRollout, settings.Seed);

        progress.Report("ours: PPO update, 1 thread");
        ppo.UpdateFromRollout(buffer);
        var times = new List<double>();
        var wall = Stopwatch.StartNew();
        while (times.Count == 0 || wall.Elapsed < settings.Duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            ppo.UpdateFromRollout(buffer);
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        times.Sort();
        var oursMedian = times[times.Count / 2];
        var samples = (double)hp.StepsPerRollout * hp.Epochs;

        progress.Report("PyTorch: the same update, torch.set_num_threads(1)");
        var (peer, problem) = await PythonPeer.RunAsync(
            settings.PythonPath, "ppo_update_peer.py",
            ["--obs", $"{ObservationSize}", "--actions", $"{ActionCount}", "--samples", $"{hp.StepsPerRollout}", "--batch", $"{hp.MinibatchSize}",
             "--epochs", $"{hp.Epochs}", "--seconds", settings.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--threads", "1", "--seed", $"{settings.Seed}"],
            settings.Duration * 4 + TimeSpan.FromMinutes(3), cancellationToken);
        return Report(samples / oursMedian, oursMedian, times.Count, peer, problem);
    }

    /// <summary>A rollout of random observations, masks and advantages (the benchmarks time the update, not learning).</summary>
    internal static RolloutBuffer RandomRollout(int steps, int seed)
    {
        var random = new Random(seed);
        var buffer = new RolloutBuffer(steps, 1, ObservationSize, ActionCount, 0);
        for (var i = 0; i < buffer.Observations.Length; i++)
        {
            buffer.Observations[i] = (float)random.NextGaussian();
        }

        for (var i = 0; i < buffer.Size; i++)
        {
            for (var a = 0; a < ActionCount; a++)
            {
                buffer.Masks[(i * ActionCount) + a] = a == 0 || random.NextDouble() > 0.2;
            }

            buffer.Actions[i] = 0;
            buffer.LogProbabilities[i] = -2f;
            buffer.Advantages[i] = (float)random.NextGaussian();
            buffer.Returns[i] = (float)random.NextGaussian();
        }

        return buffer;
    }

    private static BenchmarkReport Report(double oursSamplesPerSecond, double oursMedian, int updates, JsonElement? peer, string? problem)
    {
        static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "ours (C#, 1 thread)", F(oursSamplesPerSecond, "N0"), F(oursMedian * 1000, "N1"), $"{updates}" },
        };
        var figures = new Dictionary<string, double> { ["oursSamplesPerSecond"] = oursSamplesPerSecond, ["oursMedianUpdateMs"] = oursMedian * 1000 };
        var notes = new List<string>
        {
            $"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average at end {PythonPeer.LoadAverage()} (a shared box inflates both rows).",
            "Both single-threaded. Samples/s = 2048 samples × 10 epochs / median update time. Same networks, loss, clipping and optimiser on both sides; random rollout data.",
        };
        if (peer is { } p)
        {
            var peerRate = p.GetProperty("samplesPerSecond").GetDouble();
            rows.Add(["PyTorch (1 thread)", F(peerRate, "N0"), F(p.GetProperty("medianUpdateSeconds").GetDouble() * 1000, "N1"), $"{p.GetProperty("updates").GetInt32()}"]);
            figures["pytorchSamplesPerSecond"] = peerRate;
            figures["speedupVsPytorch"] = oursSamplesPerSecond / peerRate;
            notes.Add($"PyTorch {p.GetProperty("torch").GetString()}; ours is {oursSamplesPerSecond / peerRate:F2}× its samples/s (target ≥ 1.5×).");
        }
        else
        {
            notes.Add(problem ?? "PyTorch peer not run.");
        }

        return new BenchmarkReport("PPO update: 2048 samples, minibatch 64, 10 epochs", ["subject", "samples/s", "median update ms", "updates timed"], rows, figures, notes);
    }
}
