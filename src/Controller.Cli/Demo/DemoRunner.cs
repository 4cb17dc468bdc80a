using Controller.Cli.Output;
using Controller.EdgeAgent.Clients;
using Controller.EdgeAgent.Simulation;
using Controller.Persistence.Queries;
using Controller.Service;
using Controller.Service.Decisions;
using Controller.Service.Metrics;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;


namespace Controller.Cli.Demo;

/// <summary>
/// Runs the controller (in-memory bus, SQLite) and a simulated fleet in one process, then checks that
/// every logged decision got its outcome and prints the summary.
/// </summary>
internal static class DemoRunner
{
    /// <summary>How long to wait, after agents stop, for in-flight outcomes to be stored.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"controller-demo-{Guid.NewGuid():N}");
        var databasePath = settings.DatabasePath ?? Path.Combine(scratch, "demo.db");
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);

        var app = ControllerHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Bus:Transport"] = "InMemory",
                ["Store:Provider"] = "Sqlite",
                ["Store:ConnectionString"] = $"Data Source={databasePath}",
                ["Decision:Policy"] = settings.Policy,
                ["Decision:Seed"] = settings.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),

                // The demo prints its own summary: only warnings and errors of the controller reach the log.
                ["Logging:LogLevel:Controller"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            Terminal.StyleLogs(builder.Logging);
        });

        try
        {
            await app.StartAsync(cancellationToken);
            var view = new DemoView(settings);
            // Started hosts have run their activation, so the policy named is the one deciding (`--policy` picks it).
            var deciding = app.Services.GetRequiredService<ActivePolicy>().Current;
            view.Started(app.Urls.FirstOrDefault(), databasePath, $"{deciding.Name} {deciding.Version} ({deciding.Algorithm})");

            var client = new BusControllerClient(app.Services.GetRequiredService<IBus>(), TimeSpan.FromSeconds(10));
            var fleet = new FleetOptions
            {
                Agents = settings.Agents,
                Duration = settings.Duration,
                RequestInterval = settings.Interval,
                Seed = settings.Seed,
            };
            var stats = new FleetStats();
            var run = FleetSimulator.RunAsync(fleet, _ => client, stats, TimeProvider.System, cancellationToken);
            await view.ShowProgressAsync(run, stats);
            var agents = await run;

            var stored = await DrainAsync(app.Services.GetRequiredService<StatsQuery>(), cancellationToken);
            var metrics = app.Services.GetRequiredService<DecisionMetrics>();
            var summary = DemoSummary.From(agents, stored, metrics, settings);
            view.Summary(summary);
            return summary.Decisions > 0 && summary.Outcomes == summary.Decisions ? 0 : 1;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (settings.DatabasePath is null && Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>Waits until the stored outcomes catch up with the stored decisions (outcomes are published asynchronously).</summary>
    private static async Task<ControllerStats> DrainAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + DrainTimeout;
        while (true)
        {
            var stats = await query.GetAsync(cancellationToken);
            if (stats.Outcomes >= stats.Decisions || DateTime.UtcNow > deadline)
            {
                return stats;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
