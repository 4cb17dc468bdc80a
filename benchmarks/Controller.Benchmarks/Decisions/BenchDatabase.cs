using Controller.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Controller.Benchmarks.Decisions;

/// <summary>
/// A fresh database for one benchmark run, dropped afterwards: an SQLite file in a temporary folder, or a PostgreSQL
/// database created on the server named by <c>CONTROLLER_BENCH_POSTGRES</c> (an Npgsql connection string; default the
/// loopback server <c>scripts/test-servers.sh start</c> provisions).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CONTROLLER_BENCH_POSTGRES";
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=controller;Password=controller;Database=controller";

    private readonly Func<Task> _drop;

    private BenchDatabase(StoreProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    public static BenchDatabase CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"controller-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return new BenchDatabase(StoreProvider.Sqlite, $"Data Source={Path.Combine(directory, "bench.db")}", () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        });
    }

    /// <exception cref="NpgsqlException">The server is not reachable; the caller reports it instead of a figure.</exception>
    public static async Task<BenchDatabase> CreatePostgresAsync(CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : DefaultPostgres);
        var name = $"controller_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var database = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name };
        return new BenchDatabase(StoreProvider.Postgres, database.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _drop();
}
