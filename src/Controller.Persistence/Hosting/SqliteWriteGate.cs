using Microsoft.Extensions.Options;

namespace Controller.Persistence.Hosting;

/// <summary>
/// Serialises this process's writes when the store is SQLite. SQLite allows one writer at a time;
/// without the gate, concurrent writers find the file locked and SQLite's busy handler sleeps in steps
/// of 1–100 ms, which turned sub-millisecond inserts into multi-millisecond waits. Queuing on a
/// semaphore wakes the next writer the moment the last one commits. A no-op for PostgreSQL, whose
/// row-level locking handles concurrent writers itself.
/// </summary>
public sealed class SqliteWriteGate(IOptions<StoreOptions> options)
{
    private readonly SemaphoreSlim? _gate = options.Value.Provider == StoreProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Waits for this process's turn to write; dispose the result to let the next writer in.</summary>
    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (_gate is null)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
