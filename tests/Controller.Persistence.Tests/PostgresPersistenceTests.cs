using Controller.Persistence.Tests.Support;
using Controller.Testing;

namespace Controller.Persistence.Tests;

/// <summary>
/// The shared persistence behaviour on PostgreSQL: a fresh database per test from the shared
/// test-server helper (<c>scripts/test-servers.sh start</c>, or <c>CONTROLLER_TEST_POSTGRES</c>).
/// </summary>
public sealed class PostgresPersistenceTests : PersistenceTestsBase
{
    private readonly List<PostgresTestDatabase> _databases = [];

    protected override ISchemaReader SchemaReader { get; } = new PostgresSchemaReader();

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
