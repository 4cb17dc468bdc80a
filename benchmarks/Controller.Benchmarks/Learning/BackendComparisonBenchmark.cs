using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Controller.Learning.Algorithms;
using Controller.Learning.Backends;
using Controller.Learning.Distributions;
using Controller.Learning.Nn;
using Controller.Learning.Policies;

namespace Controller.Benchmarks.Learning;

/// <summary>
/// The learning backends side by side in one run: the PPO update (2048 samples, 10 epochs, separate Tanh policy and value
/// networks, Adam, clip 0.2, grad-norm 0.5, 9 masked actions) in samples/s and a single decision's forward in µs, for the
/// managed core, TorchSharp (LibTorch 2.10) and PyTorch (Debian's), at the shipped 64-64 (minibatch 64) and at 256-256
/// (minibatch 1024), first on one thread and then on every core. The managed core has no multi-threaded path, so its
/// rows on every core measure the same single-threaded code again. The faster backend at one thread (what training
/// uses) is named per size.
/// </summary>
public sealed class BackendComparisonBenchmark : IBenchmark
{
    private const int Samples = 2048;
    private const int MaxForwardSamples = 2_000_000;
    private static readonly (int Hidden, int Minibatch)[] Sizes = [(64, 64), (256, 1024)];

    public string Name => "backends";

    public string Description => "PPO update samples/s and per-call forward µs: managed, TorchSharp and PyTorch at 64-64 (minibatch 64) and 256-256 (minibatch 1024), 1 thread and every core.";

    public async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var loadAtStart = PythonPeer.LoadAverage();
        int[] threadCounts = Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];
        var rows = new List<IReadOnlyList<string>>();
        var figures = new Dictionary<string, double>();
        var notes = new List<string>();
        var directory = Path.Combine(Path.GetTempPath(), $"controller-bench-backends-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var (hidden, minibatch) in Sizes)
            {
                var size = $"{hidden}-{hidden}";
                var hp = new PpoHyperparameters(HiddenSizes: [hidden, hidden], MinibatchSize: minibatch);
                var buffer = PpoUpdateBenchmark.RandomRollout(Samples, settings.Seed);
                var (network, observation, mask, weights, input) = await ForwardCase(hidden, settings.Seed, directory, cancellationToken);
                foreach (var threads in threadCounts)
                {
                    void Row(string subject, Update? update, Forward? forward)
                    {
                        rows.Add([size, $"{minibatch}", $"{threads}", subject,
                            update is { } u ? F(u.SamplesPerSecond, "N0") : "—", update is { } u2 ? F(u2.MedianMs, "N1") : "—",
                            forward is { } f ? F(f.P50Us, "N2") : "—", forward is { } f2 ? F(f2.P99Us, "N2") : "—"]);
                        var key = $"{subject.Split(' ')[0].ToLowerInvariant()}_{size}_t{threads}";
                        if (update is { } up)
                        {
                            figures[key + "_samplesPerSecond"] = up.SamplesPerSecond;
                        }

                        if (forward is { } fw)
                        {
                            figures[key + "_forwardP50Us"] = fw.P50Us;
                        }
                    }

                    progress.Report($"{size}, minibatch {minibatch}, {threads} thread(s): managed");
                    var managedUpdate = TimeUpdate(new Ppo(Setup(settings.Seed), hp), buffer, hp, settings.Duration, cancellationToken);
                    var policy = new Policy(network.Clone(), PolicyHead.Categorical, ObservationSpec.Identity(network.InputSize), ActionSpec.Unnamed(network.OutputSize));
                    var managedForward = TimeForward((o, m) => policy.Act(o, m).Action, observation, mask, settings.Duration);
                    Row("managed (C#)", managedUpdate, managedForward);

                    if (settings.TorchSharp is { } torchSharp)
                    {
                        progress.Report($"{size}, minibatch {minibatch}, {threads} thread(s): TorchSharp");
                        var backend = torchSharp(threads);
                        var torchUpdate = TimeUpdate(new Ppo(Setup(settings.Seed), hp, backend), buffer, hp, settings.Duration, cancellationToken);
                        Forward? torchForward = null;
                        if (backend is IInferenceBackend inference)
                        {
                            var forward = inference.CreateForward(network);
                            var logits = new float[network.OutputSize];
                            torchForward = TimeForward((o, m) =>
                            {
                                forward.Forward(o, logits);
                                return MaskedCategorical.ArgMax(logits, m);
                            }, observation, mask, settings.Duration);
                        }

                        Row("TorchSharp 0.107 (LibTorch 2.10)", torchUpdate, torchForward);
                    }
                    else if (threads == 1)
                    {
                        notes.Add("TorchSharp rows not run: this host did not load the TorchSharp backend.");
                    }

                    progress.Report($"{size}, minibatch {minibatch}, {threads} thread(s): PyTorch");
                    var seconds = settings.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture);
                    var (peerUpdate, updateProblem) = await PythonPeer.RunAsync(settings.PythonPath, "ppo_update_peer.py",
                        ["--obs", $"{PpoUpdateBenchmark.ObservationSize}", "--actions", $"{PpoUpdateBenchmark.ActionCount}", "--samples", $"{Samples}",
                         "--batch", $"{minibatch}", "--epochs", $"{hp.Epochs}", "--hidden", $"{hidden}", "--seconds", seconds, "--threads", $"{threads}", "--seed", $"{settings.Seed}"],
                        (settings.Duration * 4) + TimeSpan.FromMinutes(5), cancellationToken);
                    var (peerForward, forwardProblem) = await PythonPeer.RunAsync(settings.PythonPath, "forward_peer.py",
                        ["--weights", weights, "--input", input, "--seconds", seconds, "--threads", $"{threads}"],
                        (settings.Duration * 4) + TimeSpan.FromSeconds(60), cancellationToken);
                    var torchVersion = peerUpdate?.GetProperty("torch").GetString() ?? peerForward?.GetProperty("torch").GetString() ?? "?";
                    Row($"PyTorch {torchVersion}",
                        peerUpdate is { } pu ? new Update(pu.GetProperty("samplesPerSecond").GetDouble(), pu.GetProperty("medianUpdateSeconds").GetDouble() * 1000, pu.GetProperty("updates").GetInt32()) : null,
                        peerForward is { } pf ? new Forward(pf.GetProperty("p50Us").GetDouble(), pf.GetProperty("p99Us").GetDouble()) : null);
                    foreach (var problem in new[] { updateProblem, forwardProblem }.OfType<string>())
                    {
                        notes.Add($"{size}, {threads} thread(s): {problem}");
                    }
                }

                var managedRate = figures[$"managed_{size}_t1_samplesPerSecond"];
                var torchRate = figures.GetValueOrDefault($"torchsharp_{size}_t1_samplesPerSecond");
                var faster = torchRate > managedRate ? LearnerCatalog.TorchSharpBackendName : LearnerCatalog.ManagedBackendName;
                figures[$"torchsharpOverManaged_{size}_t1"] = torchRate / managedRate;
                notes.Add($"{size} (minibatch {minibatch}): the faster update on one thread is {faster} (TorchSharp {torchRate / managedRate:F2}× managed's samples/s).");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        notes.Insert(0, $"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average at start {loadAtStart}, at end {PythonPeer.LoadAverage()} (a shared box inflates every row).");
        notes.Insert(1, "Update: samples/s = 2048 samples × 10 epochs / median update time (managed and TorchSharp include copying the trained weights back into the managed networks, as training does). Forward: one decision per call, forward + masked argmax; managed is Policy.Act (normalise + forward + argmax, always one thread).");
        return new BenchmarkReport("Learning backends: PPO update and per-call forward", ["size", "minibatch", "threads", "backend", "update samples/s", "median update ms", "forward p50 µs", "forward p99 µs"], rows, figures, notes);
    }

    private static TrainingSetup Setup(int seed) =>
        new([new SyntheticEnvironment(PpoUpdateBenchmark.ObservationSize, PpoUpdateBenchmark.ActionCount)], seed);

    private static Update TimeUpdate(Ppo ppo, Controller.Learning.Buffers.RolloutBuffer buffer, PpoHyperparameters hp, TimeSpan duration, CancellationToken cancellationToken)
    {
        // Warm-up until the JIT has tiered up (three updates and half a second at least), then whole updates until the
        // duration is used (at least one). A 300 ms trial without it timed the managed core's first size 4× slow.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warmUp.Elapsed < TimeSpan.FromSeconds(0.5); i++)
        {
            ppo.UpdateFromRollout(buffer);
            ppo.SyncModel();
        }

        var times = new List<double>();
        var wall = Stopwatch.StartNew();
        while (times.Count == 0 || wall.Elapsed < duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            ppo.UpdateFromRollout(buffer);
            ppo.SyncModel();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        return new Update((double)Samples * hp.Epochs / median, median * 1000, times.Count);
    }

    private static Forward TimeForward(Func<float[], bool[], int> decide, float[] observation, bool[] mask, TimeSpan duration)
    {
        // Warm-up as the forward benchmark does (50,000 calls, and half a second at least) so the JIT has tiered up.
        var sink = 0;
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 50_000 || warmUp.Elapsed < TimeSpan.FromSeconds(0.5); i++)
        {
            sink += decide(observation, mask);
        }

        var ticks = new List<long>();
        var wall = Stopwatch.StartNew();
        while (ticks.Count < MaxForwardSamples && wall.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            sink += decide(observation, mask);
            ticks.Add(Stopwatch.GetTimestamp() - start);
        }

        ticks.Sort();
        double Us(long t) => t * 1e6 / Stopwatch.Frequency;
        GC.KeepAlive(sink);
        return new Forward(Us(ticks[ticks.Count / 2]), Us(ticks[(int)(ticks.Count * 0.99)]));
    }

    /// <summary>A seeded policy network of the given width, one observation and mask, and both written for the PyTorch peer.</summary>
    private static async Task<(Mlp Network, float[] Observation, bool[] Mask, string Weights, string Input)> ForwardCase(
        int hidden, int seed, string directory, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var network = Mlp.Create("pi", PpoUpdateBenchmark.ObservationSize, [hidden, hidden], PpoUpdateBenchmark.ActionCount, Activation.Tanh, WeightInit.PolicyHead, random);
        var observation = Enumerable.Range(0, network.InputSize).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var mask = Enumerable.Range(0, network.OutputSize).Select(a => a % 4 != 3).ToArray();
        var weights = Path.Combine(directory, $"weights-{hidden}.safetensors");
        await using (var stream = File.Create(weights))
        {
            SafeTensors.Write(stream, network.Parameters.Select(p => new NamedTensor(p.Name, p.Shape, p.Value)).ToArray());
        }

        var input = Path.Combine(directory, $"input-{hidden}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { observation, mask }), cancellationToken);
        return (network, observation, mask, weights, input);
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private sealed record Update(double SamplesPerSecond, double MedianMs, int Updates);

    private sealed record Forward(double P50Us, double P99Us);
}
