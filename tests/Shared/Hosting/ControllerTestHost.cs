using Controller.Service;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Controller.Testing;

/// <summary>
/// A real controller (Kestrel on 127.0.0.1, random port) for tests. Defaults to the embedded shape —
/// in-memory bus and a SQLite file unique to this host — and takes overrides for RabbitMQ/PostgreSQL.
/// </summary>
public sealed class ControllerTestHost : IAsyncDisposable
{
    private readonly string _directory;

    private ControllerTestHost(WebApplication app, string directory)
    {
        App = app;
        _directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public HttpClient Http { get; }

    /// <summary>Path of this host's SQLite file (meaningful only when the store is SQLite).</summary>
    public string SqlitePath => Path.Combine(_directory, "controller.db");

    /// <summary>Runs <paramref name="query"/> on a fresh context of this controller's store.</summary>
    public async Task<T> QueryAsync<T>(Func<Controller.Persistence.ControllerDbContext, Task<T>> query)
    {
        var contexts = Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Controller.Persistence.ControllerDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Polls the store until <paramref name="condition"/> holds; fails the test after <paramref name="seconds"/>.</summary>
    public async Task EventuallyAsync(Func<Controller.Persistence.ControllerDbContext, Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await QueryAsync(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"store condition not met within {seconds} s");
            }

            await Task.Delay(50);
        }
    }

    /// <param name="services">Registers test doubles (a clock, a policy); they win over the service's defaults, which are added with TryAdd.</param>
    public static async Task<ControllerTestHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "controller-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var values = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Bus:Transport"] = "InMemory",
            ["Store:Provider"] = "Sqlite",
            ["Store:ConnectionString"] = $"Data Source={Path.Combine(directory, "controller.db")}",
            ["Decision:Seed"] = "7",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = ControllerHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // MassTransit's hosted service returns from StartAsync before the bus has bound its receive queues unless
            // told to wait (the service itself does not wait, so it serves HTTP while the broker is down). A test that
            // published at once would publish to an exchange with no queue bound yet, and the broker would drop it.
            builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new ControllerTestHost(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection is left for the OS temp cleaner; it is uniquely named.
        }
    }
}
