using Controller.Contracts;
using Controller.Training.Reports;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>Totals of one budget window under one method.</summary>
public sealed record EdgeCloudWindowResult(double EnergyJoules, double SpendUsd, int Requests, int SloMisses)
{
    /// <summary>Index of the simulated device within its seed.</summary>
    public int Device { get; init; }

    /// <summary>Index of the window within its device (0 = the device's first window).</summary>
    public int Window { get; init; }

    /// <summary>The device's network.</summary>
    public NetworkType Network { get; init; }

    /// <summary>The device class (profile name).</summary>
    public string DeviceClass { get; init; } = "";

    /// <summary>Thermal speed factor at the window's first request (1 = cool).</summary>
    public double StartSpeedFactor { get; init; } = 1;

    /// <summary>Whether some simple plan could have kept this window within budget (null when not judged).</summary>
    public EdgeCloudWindowFeasibility? Feasibility { get; init; }
}

/// <summary>One method on one seed: every metric of <see cref="EdgeCloudMetrics"/> and its windows.</summary>
/// <param name="Method">Method name.</param>
/// <param name="Seed">Evaluation seed.</param>
/// <param name="Metrics">Metric key → value.</param>
/// <param name="Windows">Per-window totals.</param>
/// <param name="DraftLengthCounts">Speculative requests per (network, k) the policy chose itself (fallback steps excluded); index k in 0..K (0 unused).</param>
public sealed record EdgeCloudSeedResult(
    string Method,
    int Seed,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<EdgeCloudWindowResult> Windows,
    IReadOnlyDictionary<NetworkType, long[]> DraftLengthCounts);

/// <summary>One method over all seeds: mean ± sd of each metric and the pooled k counts per network.</summary>
public sealed record EdgeCloudMethodSummary(
    string Method,
    int Seeds,
    IReadOnlyDictionary<string, MeanAndDeviation> Metrics,
    IReadOnlyDictionary<NetworkType, long[]> DraftLengthCounts)
{
    /// <summary>
    /// Mean ± sd over seeds of every metric, except the excesses: those pool every violating window of every seed
    /// (a seed without violations adds nothing rather than a diluting zero); their sd is over the seeds that had any.
    /// The shares over feasible windows (<see cref="EdgeCloudMetrics.FeasibleOnlyKeys"/>) average the seeds that had
    /// at least one such window.
    /// </summary>
    public static EdgeCloudMethodSummary Of(string method, IReadOnlyList<EdgeCloudSeedResult> seeds, Environments.EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var metrics = EdgeCloudMetrics.All.ToDictionary(m => m.Key, m => MeanAndDeviation.Of(seeds.Select(s => s.Metrics[m.Key]).ToList()));
        metrics[EdgeCloudMetrics.EnergyExcess] = PooledExcess(seeds, w => w.EnergyJoules - options.EnergyBudgetJoules);
        metrics[EdgeCloudMetrics.SpendExcess] = PooledExcess(seeds, w => w.SpendUsd - options.SpendBudgetUsd);
        metrics[EdgeCloudMetrics.SloExcess] = PooledExcess(seeds, w => w.SloMisses - options.SloMissesPerWindow);
        metrics[EdgeCloudMetrics.OverAnyFeasible] = OverSeedsWith(seeds, EdgeCloudMetrics.OverAnyFeasible, w => w.Feasibility?.JointlyFeasible != false);
        metrics[EdgeCloudMetrics.OverEnergyFeasible] = OverSeedsWith(seeds, EdgeCloudMetrics.OverEnergyFeasible, w => w.Feasibility?.EnergyFeasible != false);
        var counts = new Dictionary<NetworkType, long[]>();
        foreach (var seed in seeds)
        {
            foreach (var (network, perK) in seed.DraftLengthCounts)
            {
                if (!counts.TryGetValue(network, out var total))
                {
                    counts[network] = total = new long[perK.Length];
                }

                for (var k = 0; k < perK.Length; k++)
                {
                    total[k] += perK[k];
                }
            }
        }

        return new EdgeCloudMethodSummary(method, seeds.Count, metrics, counts);
    }

    private static MeanAndDeviation OverSeedsWith(IReadOnlyList<EdgeCloudSeedResult> seeds, string key, Func<EdgeCloudWindowResult, bool> feasible)
    {
        var values = seeds.Where(s => s.Windows.Any(feasible)).Select(s => s.Metrics[key]).ToList();
        return values.Count == 0 ? new MeanAndDeviation(0, 0) : MeanAndDeviation.Of(values);
    }

    private static MeanAndDeviation PooledExcess(IReadOnlyList<EdgeCloudSeedResult> seeds, Func<EdgeCloudWindowResult, double> excess)
    {
        var perSeed = seeds.Select(s => s.Windows.Select(excess).Where(e => e > 0).ToList()).Where(e => e.Count > 0).ToList();
        if (perSeed.Count == 0)
        {
            return new MeanAndDeviation(0, 0);
        }

        return new MeanAndDeviation(perSeed.SelectMany(e => e).Average(), MeanAndDeviation.Of(perSeed.Select(e => e.Average()).ToList()).StandardDeviation);
    }

    /// <summary>Mean k of the speculative requests on <paramref name="network"/>; NaN when there were none.</summary>
    public double MeanDraftLength(NetworkType network)
    {
        if (!DraftLengthCounts.TryGetValue(network, out var counts))
        {
            return double.NaN;
        }

        var n = counts.Sum();
        return n == 0 ? double.NaN : counts.Select((c, k) => (double)c * k).Sum() / n;
    }
}

/// <summary>The protocol of one edge–cloud comparison.</summary>
/// <param name="Seeds">Evaluation seeds; each seed simulates <paramref name="DevicesPerSeed"/> devices.</param>
/// <param name="Options">Environment options (budgets, SLO, devices, networks, K, masking).</param>
/// <param name="DevicesPerSeed">Devices (device class × network × trace offset draws) per seed.</param>
/// <param name="WindowsPerDevice">Consecutive budget windows per device.</param>
/// <param name="TracesDirectory"><c>datasets/edge-cloud</c> to replay its shipped traces; null for generated traces.</param>
public sealed record EdgeCloudEvaluationSettings(
    IReadOnlyList<int> Seeds,
    Environments.EdgeCloudEnvironmentOptions Options,
    int DevicesPerSeed = 8,
    int WindowsPerDevice = 4,
    string? TracesDirectory = null)
{
    /// <summary>
    /// True judges every window's feasibility (<see cref="EdgeCloudFeasibility"/>): three replays of the window per
    /// method, each from the method's own start state. Default true.
    /// </summary>
    public bool JudgeFeasibility { get; init; } = true;

    /// <summary>Seed of device <paramref name="device"/> of evaluation seed <paramref name="seed"/>; far from training's seeds (0 … steps).</summary>
    public static int DeviceSeed(int seed, int device) => 1_000_000_000 + (seed * 1_000) + device;
}

/// <summary>The result of an edge–cloud comparison.</summary>
public sealed record EdgeCloudReport(
    EdgeCloudEvaluationSettings Settings,
    IReadOnlyList<EdgeCloudMethodSummary> Summaries,
    IReadOnlyList<EdgeCloudSeedResult> Seeds,
    double ElapsedSeconds,
    string World)
{
    /// <summary>Training provenance of the learned methods (one line each).</summary>
    public IReadOnlyList<string> Provenance { get; init; } = [];
}
