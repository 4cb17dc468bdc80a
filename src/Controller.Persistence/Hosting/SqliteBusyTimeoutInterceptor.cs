using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Controller.Persistence.Hosting;

/// <summary>
/// Sets SQLite's <c>busy_timeout</c> on every connection EF opens. The setting is per connection,
/// and without it a writer that finds the database locked by another writer (another pooled
/// context, or the CLI next to the service) fails at once instead of waiting its turn.
/// Also sets <c>synchronous = NORMAL</c>: in WAL mode a commit then survives a process crash and
/// never corrupts the file, and only a power cut can undo the last commits — the usual trade for
/// SQLite as an embedded log, worth an fsync per decision. PostgreSQL is the store for production.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private readonly string _pragma = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL;");

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
