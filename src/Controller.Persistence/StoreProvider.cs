namespace Controller.Persistence;

/// <summary>The database engine behind the controller's store.</summary>
public enum StoreProvider
{
    /// <summary>An SQLite file: the embedded default, no server to install.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server: production, several controller replicas.</summary>
    Postgres,
}
