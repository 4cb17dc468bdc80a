using System.Diagnostics;
using System.Globalization;
using Controller.Contracts;
using Controller.Offloading.Measurement;
using Controller.Offloading.Placement;
using Controller.Service;
using Controller.Service.Decisions;
using Controller.Service.Ingestion;
using Controller.Service.Options;
using Controller.Service.Policies;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Controller.Benchmarks.Decisions;

/// <summary>
/// In-process decision throughput and latency at three depths: the policy alone; the decision path
/// (validation, device state, dialogue budgets from the store, policy, decision logged to SQLite);
/// and request/response over the in-memory bus, as an embedded agent sees it.
/// </summary>
public sealed class DecisionThroughputBenchmark : IBenchmark
{
    private const int Concurrency = 8;

    public string Name => "decisions";

    public string Description => "Placement decisions per second and p50/p99: policy only, decision path with SQLite logging, in-memory bus round trip.";

    public async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"controller-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var app = ControllerHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Store:ConnectionString"] = $"Data Source={Path.Combine(directory, "bench.db")}",
                ["Decision:Seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            });
            builder.Logging.ClearProviders();
        });

        try
        {
            await app.StartAsync(cancellationToken);
            var random = new Random(settings.Seed);
            var devices = Enumerable.Range(0, 32).Select(i => Workload.Heartbeat($"bench-{i}", random)).ToArray();
            foreach (var heartbeat in devices)
            {
                await app.Services.GetRequiredService<HeartbeatIngestor>().IngestAsync(heartbeat, cancellationToken);
            }

            progress.Report("policy only (1 thread)");
            var policy = MeasurePolicy(app.Services.GetRequiredService<IPlacementPolicy>(), devices, settings, random);
            progress.Report("learned policy only (1 thread)");
            var learnedPolicy = InitialPolicy.Create(new DecisionOptions { Policy = InitialPolicy.Default }, app.Services.GetRequiredService<IPolicyBundleLoader>());
            var learned = MeasurePolicy(learnedPolicy, devices, settings, random);

            progress.Report($"decision path with SQLite logging ({Concurrency} callers)");
            var service = app.Services.GetRequiredService<DecisionService>();
            var path = await MeasureConcurrentAsync(settings.Duration, i => service.DecideAsync(Workload.Request(devices[i % devices.Length].DeviceId, i), cancellationToken), cancellationToken);

            progress.Report($"in-memory bus request/response ({Concurrency} callers)");
            var client = app.Services.GetRequiredService<IBus>().CreateRequestClient<RequestPlacement>();
            var bus = await MeasureConcurrentAsync(settings.Duration, async i =>
                (await client.GetResponse<PlacementDecided>(Workload.Request(devices[i % devices.Length].DeviceId, i), cancellationToken)).Message, cancellationToken);

            return Report(policy, learned, path, bus);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Measurement MeasurePolicy(IPlacementPolicy policy, HeartbeatReported[] devices, BenchmarkSettings settings, Random random)
    {
        var contexts = Enumerable.Range(0, 256)
            .Select(i => new PlacementContext(Workload.Request(devices[i % devices.Length].DeviceId, i), devices[i % devices.Length],
                new BudgetState(LatencyRemainingMs: 5_000 + (25_000 * random.NextDouble()), CloudSpendRemainingUsd: 0.05 * random.NextDouble(), EnergyRemainingJoules: 1_500 * random.NextDouble())))
            .ToArray();
        for (var i = 0; i < 10_000; i++)
        {
            policy.Decide(contexts[i % contexts.Length], random);
        }

        var histogram = new LatencyHistogram();
        long count = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        while (wall.Elapsed < settings.Duration)
        {
            var start = Stopwatch.GetTimestamp();
            policy.Decide(contexts[count % contexts.Length], random);
            histogram.RecordTicks(Stopwatch.GetTimestamp() - start);
            count++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Measurement(count / wall.Elapsed.TotalSeconds, histogram, (double)allocated / count);
    }

    private static async Task<Measurement> MeasureConcurrentAsync(TimeSpan duration, Func<int, Task<PlacementDecided>> decide, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 200; i++)
        {
            await decide(i);
        }

        var histogram = new LatencyHistogram();
        long count = 0;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(worker => Task.Run(async () =>
        {
            var i = worker * 1_000_000;
            while (wall.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                await decide(i++);
                histogram.RecordTicks(Stopwatch.GetTimestamp() - start);
                Interlocked.Increment(ref count);
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return new Measurement(count / wall.Elapsed.TotalSeconds, histogram, null);
    }

    private static BenchmarkReport Report(Measurement policy, Measurement learned, Measurement path, Measurement bus)
    {
        static IReadOnlyList<string> Row(string name, Measurement m) =>
        [
            name,
            m.PerSecond.ToString("N0", CultureInfo.InvariantCulture),
            m.Latency.PercentileMicroseconds(0.50).ToString("N1", CultureInfo.InvariantCulture),
            m.Latency.PercentileMicroseconds(0.99).ToString("N1", CultureInfo.InvariantCulture),
            m.BytesPerCall is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) : "—",
        ];

        return new BenchmarkReport(
            "Placement decisions, in process",
            ["subject", "decisions/s", "p50 µs", "p99 µs", "bytes allocated/decision"],
            [Row("policy only (baseline-greedy, 1 thread)", policy), Row("policy only (learned edge-cloud-rc-ppo-800, observation and mask built, 1 thread)", learned), Row($"decision path + SQLite log ({Concurrency} callers)", path), Row($"in-memory bus request/response ({Concurrency} callers)", bus)],
            new Dictionary<string, double>
            {
                ["policyDecisionsPerSecond"] = policy.PerSecond,
                ["policyP50Us"] = policy.Latency.PercentileMicroseconds(0.50),
                ["policyP99Us"] = policy.Latency.PercentileMicroseconds(0.99),
                ["policyBytesPerDecision"] = policy.BytesPerCall ?? 0,
                ["learnedDecisionsPerSecond"] = learned.PerSecond,
                ["learnedP50Us"] = learned.Latency.PercentileMicroseconds(0.50),
                ["learnedP99Us"] = learned.Latency.PercentileMicroseconds(0.99),
                ["learnedBytesPerDecision"] = learned.BytesPerCall ?? 0,
                ["pathDecisionsPerSecond"] = path.PerSecond,
                ["pathP50Us"] = path.Latency.PercentileMicroseconds(0.50),
                ["pathP99Us"] = path.Latency.PercentileMicroseconds(0.99),
                ["busDecisionsPerSecond"] = bus.PerSecond,
                ["busP50Us"] = bus.Latency.PercentileMicroseconds(0.50),
                ["busP99Us"] = bus.Latency.PercentileMicroseconds(0.99),
            },
            [
                $"{Environment.ProcessorCount} cores; SQLite in WAL mode on local disk; every decision is logged before it is answered.",
                "No peer is named for this benchmark; the learned policy is measured beside baseline-greedy on the same contexts, and the rows show where decision time goes.",
            ]);
    }

    private sealed record Measurement(double PerSecond, LatencyHistogram Latency, double? BytesPerCall);
}
