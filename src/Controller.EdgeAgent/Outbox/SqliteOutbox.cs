using Microsoft.Data.Sqlite;

namespace Controller.EdgeAgent.Outbox;

/// <summary>
/// A durable FIFO of telemetry in one SQLite file. Enqueue commits before it returns (WAL, <c>synchronous = FULL</c>),
/// so a message the agent queued survives a crash or a power cut. The queue is bounded: past
/// <see cref="Capacity"/> the oldest messages are deleted in the same transaction and counted, and the count is kept
/// in the file. Refused messages move to a quarantine table with the reason instead of being deleted. One connection,
/// one operation at a time; callers on several threads are serialised.
/// </summary>
public sealed class SqliteOutbox : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteOutbox(SqliteConnection connection, int capacity)
    {
        _connection = connection;
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Opens (creating when absent) the outbox at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    /// <exception cref="InvalidDataException">The file exists but is not an SQLite database (the message names it).</exception>
    public static async Task<SqliteOutbox> OpenAsync(string path, int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                CREATE TABLE IF NOT EXISTS outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    json TEXT NOT NULL,
                    enqueued_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS quarantine (
                    seq INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    json TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    quarantined_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                INSERT OR IGNORE INTO counters (name, value) VALUES ('dropped', 0);
                """, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            await connection.DisposeAsync();
            throw new InvalidDataException($"The outbox file '{path}' is not a readable SQLite database ({ex.Message}); move it aside to start an empty outbox.", ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new SqliteOutbox(connection, capacity);
    }

    /// <summary>Appends a message, dropping the oldest when the outbox is full; durable once this returns.</summary>
    public async Task EnqueueAsync(OutboxKind kind, Guid messageId, string json, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(_connection, transaction, "INSERT INTO outbox (kind, message_id, json, enqueued_at) VALUES ($kind, $id, $json, $at);", cancellationToken,
                ("$kind", kind.ToString()), ("$id", messageId.ToString("D")), ("$json", json), ("$at", now.ToString("O")));
            // Oldest first: the newest state and outcomes are worth more to the controller than the oldest.
            var dropped = await ExecuteAsync(_connection, transaction, """
                DELETE FROM outbox WHERE seq IN (
                    SELECT seq FROM outbox ORDER BY seq LIMIT max(0, (SELECT count(*) FROM outbox) - $capacity));
                """, cancellationToken, ("$capacity", Capacity));
            if (dropped > 0)
            {
                await ExecuteAsync(_connection, transaction, "UPDATE counters SET value = value + $n WHERE name = 'dropped';", cancellationToken, ("$n", dropped));
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Up to <paramref name="max"/> of the oldest messages, oldest first, without removing them.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> PeekAsync(int max, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT seq, kind, message_id, json FROM outbox ORDER BY seq LIMIT $max;";
            command.Parameters.AddWithValue("$max", max);
            var entries = new List<OutboxEntry>();
            var unreadable = new List<(long Seq, string Reason)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var seq = reader.GetInt64(0);
                    if (Enum.TryParse<OutboxKind>(reader.GetString(1), out var kind) && Guid.TryParse(reader.GetString(2), out var id))
                    {
                        entries.Add(new OutboxEntry(seq, kind, id, reader.GetString(3)));
                    }
                    else
                    {
                        unreadable.Add((seq, $"unreadable row: kind '{reader.GetString(1)}', id '{reader.GetString(2)}'"));
                    }
                }
            }

            // A row this version cannot read is set aside rather than blocking the queue behind it forever.
            foreach (var (seq, reason) in unreadable)
            {
                await QuarantineLockedAsync(seq, reason, DateTimeOffset.UtcNow, cancellationToken);
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes a message the controller accepted.</summary>
    public async Task RemoveAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync(_connection, "DELETE FROM outbox WHERE seq = $seq;", cancellationToken, ("$seq", sequence));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Moves a message the controller refused out of the queue, keeping it and the reason.</summary>
    public async Task QuarantineAsync(long sequence, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await QuarantineLockedAsync(sequence, reason, now, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<OutboxCounters> CountersAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT count(*) FROM outbox), (SELECT value FROM counters WHERE name = 'dropped'), (SELECT count(*) FROM quarantine);
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new OutboxCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reasons of the quarantined messages, oldest first (for operators and tests).</summary>
    public async Task<IReadOnlyList<(Guid MessageId, string Reason)>> QuarantinedAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT message_id, reason FROM quarantine ORDER BY seq;";
            var rows = new List<(Guid, string)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((Guid.TryParse(reader.GetString(0), out var id) ? id : Guid.Empty, reader.GetString(1)));
            }

            return rows;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await _connection.DisposeAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task QuarantineLockedAsync(long sequence, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(_connection, transaction, """
            INSERT OR REPLACE INTO quarantine (seq, kind, message_id, json, reason, quarantined_at)
                SELECT seq, kind, message_id, json, $reason, $at FROM outbox WHERE seq = $seq;
            DELETE FROM outbox WHERE seq = $seq;
            """, cancellationToken, ("$seq", sequence), ("$reason", reason), ("$at", now.ToString("O")));
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        await ExecuteAsync(connection, null, sql, cancellationToken, parameters);

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
