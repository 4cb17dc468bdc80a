namespace Controller.Persistence;

/// <summary>Where the controller keeps its data. Bound from the <c>Store</c> configuration section.</summary>
public sealed class StoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Store";

    /// <summary>Database engine. Default <see cref="StoreProvider.Sqlite"/>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string for <see cref="Provider"/>. Default <c>Data Source=controller.db</c>
    /// (an SQLite file in the working directory).
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=controller.db";

    /// <summary>Apply pending migrations when the host starts. Default <c>true</c>.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// How long start-up keeps retrying while the database server is not reachable yet (PostgreSQL
    /// starting next to the controller), seconds. Default 60.
    /// </summary>
    public double StartupTimeoutSeconds { get; set; } = 60;

    /// <summary>How long an SQLite command waits for another writer's lock, milliseconds. Default 5000.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 5000;

    /// <summary>
    /// Decisions that may wait for the decision log's writer, beyond the batch it is writing. When the queue is full a
    /// caller waits for room (back-pressure, nothing is dropped); a caller that gives up while waiting was never
    /// queued, so nothing is written for it. Default 1024.
    /// </summary>
    public int DecisionLogCapacity { get; set; } = 1024;

    /// <summary>Most decisions the decision log's writer commits in one transaction. Default 256.</summary>
    public int DecisionLogMaxBatch { get; set; } = 256;
}
