using Controller.Persistence.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Controller.Persistence.Tests;

/// <summary>The shared persistence behaviour on SQLite, one temporary database file per database a test asks for.</summary>
public sealed class SqlitePersistenceTests : PersistenceTestsBase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "controller-persistence-tests", Guid.NewGuid().ToString("N"));
    private int _databases;

    protected override ISchemaReader SchemaReader { get; } = new SqliteSchemaReader();

    /// <summary>
    /// SQLite waits for its lock inside <c>sqlite3_step</c>, out of sight; the writer counts as held up once it has asked
    /// for its transaction, which SQLite cannot grant while the other transaction holds the write lock.
    /// </summary>
    protected override async Task<Task<T>> StartHeldUpByOtherWriterAsync<T>(Func<Task<T>> writer)
    {
        using var watcher = new TransactionStartWatcher(Store.Options.ConnectionString);
        var task = Task.Run(writer);
        await BlockedWriter.WaitAsync(task, () => Task.FromResult(watcher.Starts > 0), "its transaction");
        return task;
    }

    protected override Task<StoreOptions> CreateDatabaseAsync()
    {
        var file = Path.Combine(_directory, $"controller-{++_databases}.db");
        return Task.FromResult(new StoreOptions
        {
            Provider = StoreProvider.Sqlite,
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ConnectionString,
        });
    }

    protected override Task DropDatabasesAsync()
    {
        // Pooled connections keep the files open until cleared.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
