using System.Threading.Channels;
using Controller.Persistence.Entities;
using Controller.Persistence.Hosting;
using Controller.Persistence.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Controller.Persistence.Stores;

/// <summary>
/// The decision log's one writer per process, committing decisions from concurrent callers in batches (group commit).
/// A caller's decision is queued on a bounded channel; the writer takes whatever is queued (at most
/// <see cref="StoreOptions.DecisionLogMaxBatch"/>), inserts it in one transaction and completes each caller once that
/// transaction has committed, so a caller is answered only when its row is durable. One commit (one fsync on SQLite,
/// one round trip on PostgreSQL) then serves the whole batch instead of each decision paying its own.
/// <para>
/// Full mode: <see cref="BoundedChannelFullMode.Wait"/>. With <see cref="StoreOptions.DecisionLogCapacity"/> decisions
/// queued, callers wait for room; nothing is dropped. A caller whose cancellation fires while it waits for room was
/// never queued and nothing is written for it; once queued, the decision is written and the caller waits for it
/// whatever its token says, because its answer must match what is on record.
/// </para>
/// <para>
/// A batch that hits a unique key (a retried request id, possibly twice in one batch) is rolled back and written
/// one decision at a time, each repeat getting the decision already on record. Repeats are rare, so the slow path
/// costs nothing in the common case.
/// </para>
/// </summary>
public sealed class DecisionLogWriter : IAsyncDisposable, IDisposable
{
    private readonly IDbContextFactory<ControllerDbContext> _contextFactory;
    private readonly SqliteWriteGate _writeGate;
    private readonly ILogger<DecisionLogWriter> _logger;
    private readonly Channel<PendingDecision> _queue;
    private readonly int _maxBatch;
    private readonly Task _writer;

    public DecisionLogWriter(IDbContextFactory<ControllerDbContext> contextFactory, SqliteWriteGate writeGate, IOptions<StoreOptions> options, ILogger<DecisionLogWriter> logger)
    {
        _contextFactory = contextFactory;
        _writeGate = writeGate;
        _logger = logger;
        _maxBatch = options.Value.DecisionLogMaxBatch;
        _queue = Channel.CreateBounded<PendingDecision>(new BoundedChannelOptions(options.Value.DecisionLogCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _writer = Task.Run(WriteQueuedAsync);
    }

    /// <summary>Decisions queued and not yet taken into a batch (for tests and metrics).</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>
    /// Queues <paramref name="decision"/> and returns once it is committed: the decision itself, or the one already on
    /// record for its request id. <paramref name="cancellationToken"/> is honoured only while waiting for room.
    /// </summary>
    /// <exception cref="InvalidOperationException">The decision id is already used by a different request.</exception>
    /// <exception cref="ObjectDisposedException">The writer has stopped.</exception>
    public async Task<DecisionEntity> WriteAsync(DecisionEntity decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        // Continuations run off the writer's loop, so one slow caller does not hold up the next batch.
        var pending = new PendingDecision(decision, new TaskCompletionSource<DecisionEntity>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException exception)
        {
            throw new ObjectDisposedException($"{nameof(DecisionLogWriter)} has stopped; decision {decision.DecisionId} was not recorded.", exception);
        }

        return await pending.Stored.Task.ConfigureAwait(false);
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<PendingDecision>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await WriteBatchAsync(batch).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // The store failed (unreachable, disk full): every caller of the batch learns it, none is answered
                // with a decision that is not on record, and the writer goes on with the next batch.
                foreach (var pending in batch)
                {
                    pending.Stored.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingDecision> batch)
    {
        using (await _writeGate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
        await using (var context = await _contextFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false))
        {
            foreach (var pending in batch)
            {
                context.Decisions.Add(pending.Decision);
            }

            try
            {
                // One transaction for the batch, explicit even for one row: every row commits, or none does.
                await using var transaction = await context.Database.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
                await context.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                foreach (var pending in batch)
                {
                    pending.Stored.TrySetResult(pending.Decision);
                }

                return;
            }
            catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
            {
                // Some request id is on record already (or twice in this batch); sort them out one by one below.
            }
        }

        foreach (var pending in batch)
        {
            try
            {
                pending.Stored.TrySetResult(await WriteOneAsync(pending.Decision).ConfigureAwait(false));
            }
            catch (Exception exception)
            {
                pending.Stored.TrySetException(exception);
            }
        }
    }

    private async Task<DecisionEntity> WriteOneAsync(DecisionEntity decision)
    {
        using (await _writeGate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
        await using (var context = await _contextFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false))
        {
            context.Decisions.Add(decision);
            try
            {
                await context.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                return decision;
            }
            catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
            {
                // Either the request id or the decision id exists already; find out which below.
            }
        }

        await using var lookup = await _contextFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        var existing = await lookup.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.RequestId == decision.RequestId).ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                $"Decision {decision.DecisionId} for request {decision.RequestId} was not stored: the decision id is already used by another request.");
        PersistenceLog.ExistingDecisionReturned(_logger, decision.RequestId, existing.DecisionId);
        return existing;
    }

    /// <summary>Stops taking decisions and waits until every queued one is written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record PendingDecision(DecisionEntity Decision, TaskCompletionSource<DecisionEntity> Stored);
}
