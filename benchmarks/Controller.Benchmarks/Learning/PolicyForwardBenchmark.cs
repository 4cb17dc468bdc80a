using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Controller.Learning.Nn;
using Controller.Learning.Policies;

namespace Controller.Benchmarks.Learning;

/// <summary>
/// One decision of a 64-64 Tanh policy (TMO's shape: 25 features, 9 actions): our <see cref="Policy.Act"/> (normalise,
/// forward, masked argmax) against PyTorch doing forward + masked argmax per call on the same weights, loaded from the
/// safetensors file we write. Both single-threaded. Targets: p50 ≤ 2 µs, zero allocations, ≥ 5× PyTorch.
/// </summary>
public sealed class PolicyForwardBenchmark : IBenchmark
{
    private const int ObservationSize = 25;
    private const int ActionCount = 9;
    private const int MaxSamples = 8_000_000;

    public string Name => "forward";

    public string Description => "Single-decision forward of a 64-64 policy: p50/p99 µs, bytes allocated per call, and speed-up over PyTorch per-call forward.";

    public async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var random = new Random(settings.Seed);
        var network = Mlp.Create("pi", ObservationSize, [64, 64], ActionCount, Activation.Tanh, WeightInit.PolicyHead, random);
        var policy = new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(ObservationSize), ActionSpec.Unnamed(ActionCount));
        var observation = Enumerable.Range(0, ObservationSize).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var mask = Enumerable.Range(0, ActionCount).Select(a => a % 4 != 3).ToArray();

        progress.Report("ours: Policy.Act, 1 thread");
        var ours = Measure(policy, observation, mask, settings.Duration);

        progress.Report("PyTorch: per-call forward, torch.set_num_threads(1)");
        var directory = Path.Combine(Path.GetTempPath(), $"controller-bench-forward-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var weights = Path.Combine(directory, "weights.safetensors");
            await using (var stream = File.Create(weights))
            {
                SafeTensors.Write(stream, network.Parameters.Select(p => new NamedTensor(p.Name, p.Shape, p.Value)).ToArray());
            }

            var input = Path.Combine(directory, "input.json");
            await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { observation, mask }), cancellationToken);
            var (peer, problem) = await PythonPeer.RunAsync(
                settings.PythonPath, "forward_peer.py",
                ["--weights", weights, "--input", input, "--seconds", settings.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--threads", "1"],
                settings.Duration * 4 + TimeSpan.FromSeconds(60), cancellationToken);
            return Report(policy, observation, ours, peer, problem);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Measurement Measure(Policy policy, float[] observation, bool[] mask, TimeSpan duration)
    {
        for (var i = 0; i < 50_000; i++)
        {
            policy.Act(observation, mask);
        }

        var ticks = new long[MaxSamples];
        var count = 0;
        var sink = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        while (count < ticks.Length && wall.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            sink += policy.Act(observation, mask).Action;
            ticks[count++] = Stopwatch.GetTimestamp() - start;
        }

        var seconds = wall.Elapsed.TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var sorted = ticks.AsSpan(0, count);
        sorted.Sort();
        double Us(long t) => t * 1e6 / Stopwatch.Frequency;
        return new Measurement(count, count / seconds, Us(sorted[count / 2]), Us(sorted[(int)(count * 0.99)]), seconds * 1e6 / count, (double)allocated / count, sink);
    }

    private static BenchmarkReport Report(Policy policy, float[] observation, Measurement ours, JsonElement? peer, string? problem)
    {
        static string F(double value, string format = "N2") => value.ToString(format, CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "ours: Policy.Act (C#, 1 thread)", F(ours.P50Us, "N3"), F(ours.P99Us, "N3"), F(ours.MeanUs, "N3"), F(ours.PerSecond, "N0"), F(ours.BytesPerCall, "N1") },
        };
        var figures = new Dictionary<string, double>
        {
            ["oursP50Us"] = ours.P50Us,
            ["oursP99Us"] = ours.P99Us,
            ["oursMeanUs"] = ours.MeanUs,
            ["oursDecisionsPerSecond"] = ours.PerSecond,
            ["oursBytesPerCall"] = ours.BytesPerCall,
        };
        var notes = new List<string>
        {
            $"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average at end {PythonPeer.LoadAverage()} (a shared box inflates both rows).",
            "Both sides single-threaded (ours runs on the calling thread; PyTorch torch.set_num_threads(1)). Network 25→64→64→9 Tanh, same weights (the peer loads our safetensors file).",
            "Per call: ours normalise + forward + masked argmax; PyTorch forward + masked argmax under torch.inference_mode. Targets: p50 ≤ 2 µs, 0 bytes/call, ≥ 5× PyTorch p50.",
        };
        if (peer is { } p)
        {
            var peerP50 = p.GetProperty("p50Us").GetDouble();
            var logits = new float[ActionCount];
            policy.Scores(observation, logits);
            var peerLogits = p.GetProperty("logits").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var maxDiff = Enumerable.Range(0, ActionCount).Max(i => Math.Abs(logits[i] - peerLogits[i]));
            rows.Add(["PyTorch per-call forward (1 thread)", F(peerP50, "N3"), F(p.GetProperty("p99Us").GetDouble(), "N3"), F(p.GetProperty("meanUs").GetDouble(), "N3"), F(1e6 / p.GetProperty("meanUs").GetDouble(), "N0"), "—"]);
            figures["pytorchP50Us"] = peerP50;
            figures["pytorchP99Us"] = p.GetProperty("p99Us").GetDouble();
            figures["speedupP50VsPytorch"] = peerP50 / ours.P50Us;
            figures["maxAbsLogitDifference"] = maxDiff;
            notes.Add($"PyTorch {p.GetProperty("torch").GetString()}, weights read with its {p.GetProperty("reader").GetString()}; logits agree to {maxDiff:E2} (max abs); speed-up at p50 {peerP50 / ours.P50Us:F1}×.");
        }
        else
        {
            notes.Add(problem ?? "PyTorch peer not run.");
        }

        return new BenchmarkReport("Single-decision forward, 64-64 policy", ["subject", "p50 µs", "p99 µs", "mean µs", "calls/s", "bytes/call"], rows, figures, notes);
    }

    private sealed record Measurement(int Calls, double PerSecond, double P50Us, double P99Us, double MeanUs, double BytesPerCall, int Sink);
}
