using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Controller.Persistence.Hosting;

/// <summary>
/// Sets SQLite's <c>busy_timeout</c> on every connection EF opens. The setting is per connection,
/// and without it a writer that finds the database locked by another writer (another pooled
/// context, or the CLI next to the service) fails at once instead of waiting its turn.
/// Also sets <c>synchronous = FULL</c>: the controller answers a decision, and acknowledges a heartbeat or
/// outcome, only once it is on record, and in WAL mode <c>NORMAL</c> lets a power cut or host crash undo
/// the last commits. FULL syncs the WAL on every commit (one fsync per write; writes are already
/// serialised by <see cref="SqliteWriteGate"/>). PostgreSQL is the store for production.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private readonly string _pragma = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = FULL;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
