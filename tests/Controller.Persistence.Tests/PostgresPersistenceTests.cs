using Controller.Persistence.Tests.Support;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence.Tests;

/// <summary>
/// The shared persistence behaviour on PostgreSQL: a fresh database per test from the shared
/// test-server helper (<c>scripts/test-servers.sh start</c>, or <c>CONTROLLER_TEST_POSTGRES</c>).
/// </summary>
public sealed class PostgresPersistenceTests : PersistenceTestsBase
{
    private readonly List<PostgresTestDatabase> _databases = [];

    protected override ISchemaReader SchemaReader { get; } = new PostgresSchemaReader();

    /// <summary>Held up means waiting on a lock: PostgreSQL shows it in <c>pg_stat_activity</c>.</summary>
    protected override async Task<Task<T>> StartHeldUpByOtherWriterAsync<T>(Func<Task<T>> writer)
    {
        var task = Task.Run(writer);
        await BlockedWriter.WaitAsync(task, async () => await Store.QueryAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .SingleAsync()) > 0, "a lock wait in pg_stat_activity");
        return task;
    }

    protected override async Task<StoreOptions> CreateDatabaseAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync("persistence");
        _databases.Add(database);
        return new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = database.ConnectionString };
    }

    protected override async Task DropDatabasesAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}
