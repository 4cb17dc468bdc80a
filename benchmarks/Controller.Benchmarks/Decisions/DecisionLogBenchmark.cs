using System.Globalization;
using Controller.Persistence;
using Controller.Persistence.Entities;
using Controller.Service;
using Controller.Service.Decisions;
using Controller.Service.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Controller.Benchmarks.Decisions;

/// <summary>
/// The in-process decision path with its group-commit log under open-loop load (<see cref="OfferedPerSecond"/> offered,
/// <see cref="Callers"/> concurrent callers), on SQLite and on PostgreSQL, each beside its floor measured in the same
/// run: the same database bulk-inserting the same rows alone (<see cref="BulkInsertFloor"/>).
/// </summary>
public sealed class DecisionLogBenchmark : IBenchmark
{
    /// <summary>The target rate (#14): at least this many decisions per second at p99 ≤ 10 ms.</summary>
    public const double OfferedPerSecond = 5_000;

    public const int Callers = 64;

    private const int Devices = 256;

    public string Name => "decision-log";

    public string Description => $"Decision path with group-commit logging, open loop at {OfferedPerSecond:N0}/s by {Callers} callers, SQLite and PostgreSQL, each beside the same database bulk-inserting the same rows.";

    public async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string>>();
        var figures = new Dictionary<string, double>();
        var notes = new List<string>
        {
            $"{Environment.ProcessorCount} cores; open loop: latency runs from when each request was due, so queueing shows; every decision is durable (SQLite WAL, synchronous=FULL; PostgreSQL commit) before it is answered.",
            $"Floor: one thread inserting the path's own rows under fresh keys, {BulkInsertFloor.RowsPerTransaction:N0} per transaction through EF Core, on the same database right after the path run.",
        };

        progress.Report("SQLite");
        await using (var sqlite = BenchDatabase.CreateSqlite())
        {
            await MeasureAsync(sqlite, settings, rows, figures, cancellationToken);
        }

        progress.Report("PostgreSQL");
        BenchDatabase? postgres = null;
        try
        {
            postgres = await BenchDatabase.CreatePostgresAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException)
        {
            notes.Add($"PostgreSQL not measured: {exception.Message} (set {BenchDatabase.PostgresVariable} or run scripts/test-servers.sh start).");
        }

        if (postgres is not null)
        {
            await using (postgres)
            {
                await MeasureAsync(postgres, settings, rows, figures, cancellationToken);
            }
        }

        return new BenchmarkReport(
            "Decision path with group-commit log",
            ["subject", "offered/s", "achieved/s", "p50 µs", "p99 µs", "failed", "vs floor"],
            rows,
            figures,
            notes);
    }

    private static async Task MeasureAsync(BenchDatabase database, BenchmarkSettings settings, List<IReadOnlyList<string>> rows, Dictionary<string, double> figures, CancellationToken cancellationToken)
    {
        var app = ControllerHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Store:Provider"] = database.Provider.ToString(),
                ["Store:ConnectionString"] = database.ConnectionString,
                ["Decision:Seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            });
            builder.Logging.ClearProviders();
        });
        try
        {
            await app.StartAsync(cancellationToken);
            var random = new Random(settings.Seed);
            var devices = Enumerable.Range(0, Devices).Select(i => Workload.Heartbeat($"bench-{i}", random)).ToArray();
            foreach (var heartbeat in devices)
            {
                await app.Services.GetRequiredService<HeartbeatIngestor>().IngestAsync(heartbeat, cancellationToken);
            }

            var service = app.Services.GetRequiredService<DecisionService>();
            Task Decide(long i) => service.DecideAsync(Workload.Request(devices[i % devices.Length].DeviceId, (int)(i / devices.Length)), cancellationToken);
            for (var i = 0; i < 500; i++)
            {
                await Decide(1_000_000 + i);
            }

            var path = await OpenLoop.RunAsync(OfferedPerSecond, Callers, settings.Duration, Decide, cancellationToken);
            var contexts = app.Services.GetRequiredService<IDbContextFactory<ControllerDbContext>>();
            IReadOnlyList<DecisionEntity> template;
            await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
            {
                template = await context.Decisions.AsNoTracking().Take(2_000).ToListAsync(cancellationToken);
            }

            var floor = await BulkInsertFloor.MeasureAsync(contexts, template, settings.Duration, cancellationToken);
            var name = database.Provider.ToString();
            var p50 = path.Latency.PercentileMicroseconds(0.50);
            var p99 = path.Latency.PercentileMicroseconds(0.99);
            rows.Add([$"{name}: decision path + log ({Callers} callers)", F(path.OfferedPerSecond), F(path.AchievedPerSecond), F(p50), F(p99), F(path.Failed), (path.AchievedPerSecond / floor).ToString("0.00×", CultureInfo.InvariantCulture)]);
            rows.Add([$"{name}: bulk insert alone (floor)", "—", F(floor), "—", "—", "—", "1.00×"]);
            var key = name.ToLowerInvariant();
            figures[$"{key}OfferedPerSecond"] = path.OfferedPerSecond;
            figures[$"{key}AchievedPerSecond"] = path.AchievedPerSecond;
            figures[$"{key}P50Us"] = p50;
            figures[$"{key}P99Us"] = p99;
            figures[$"{key}Failed"] = path.Failed;
            figures[$"{key}FloorRowsPerSecond"] = floor;
            figures[$"{key}RatioToFloor"] = path.AchievedPerSecond / floor;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
