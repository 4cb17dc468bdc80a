using Controller.Persistence.Hosting;
using Controller.Persistence.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Controller.Persistence.Tests;

public sealed class DatabaseMigratorTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "controller-migrator-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task MigrateAsync_SqliteFileInMissingDirectory_CreatesItAndSwitchesToWal()
    {
        await using var store = new StoreHarness(SqliteOptions(Path.Combine(_directory, "nested", "controller.db")));

        await store.MigrateAsync();

        Assert.True(File.Exists(Path.Combine(_directory, "nested", "controller.db")));
        Assert.Equal("wal", await ScalarAsync(store, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task SqliteConnection_Opened_HasConfiguredBusyTimeout()
    {
        var options = SqliteOptions(Path.Combine(_directory, "controller.db"));
        options.SqliteBusyTimeoutMs = 1234;
        await using var store = new StoreHarness(options);
        await store.MigrateAsync();

        Assert.Equal("1234", await ScalarAsync(store, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public async Task SqliteConnection_Opened_SyncsEveryCommitToDisk()
    {
        await using var store = new StoreHarness(SqliteOptions(Path.Combine(_directory, "controller.db")));
        await store.MigrateAsync();

        // 2 = FULL: in WAL mode NORMAL (1) can lose the last commits on a power cut or host crash, and the controller
        // promises that an answered decision and an acknowledged heartbeat or outcome are on record.
        Assert.Equal("2", await ScalarAsync(store, "PRAGMA synchronous;"));
    }

    [Fact]
    public async Task HostedService_MigrateOnStart_MigratesBeforeReturning()
    {
        await using var store = new StoreHarness(SqliteOptions(Path.Combine(_directory, "controller.db")));

        await StartHostedServicesAsync(store);

        Assert.Empty(await store.QueryAsync(c => c.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task HostedService_MigrateOnStartOff_LeavesDatabaseUntouched()
    {
        var options = SqliteOptions(Path.Combine(_directory, "controller.db"));
        options.MigrateOnStart = false;
        await using var store = new StoreHarness(options);

        await StartHostedServicesAsync(store);

        Assert.Empty(await store.QueryAsync(c => c.Database.GetAppliedMigrationsAsync()));
    }

    [Fact]
    public async Task MigrateAsync_PostgresUnreachable_TimesOutNamingSetting()
    {
        // Port 9 (discard) is closed on the loopback, so every attempt is refused like a server still starting.
        await using var store = new StoreHarness(new StoreOptions
        {
            Provider = StoreProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Port=9;Username=controller;Password=controller;Database=controller;Timeout=2",
            StartupTimeoutSeconds = 1,
        });

        var error = await Assert.ThrowsAsync<TimeoutException>(store.MigrateAsync);

        Assert.Contains("Store:StartupTimeoutSeconds = 1 s", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static StoreOptions SqliteOptions(string file) => new()
    {
        Provider = StoreProvider.Sqlite,
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString,
    };

    private static async Task StartHostedServicesAsync(StoreHarness store)
    {
        foreach (var service in store.Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    private static Task<string?> ScalarAsync(StoreHarness store, string sql) => store.QueryAsync(async context =>
    {
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    });
}
