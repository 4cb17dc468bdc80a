using System.Threading.Channels;
using Controller.Persistence.Entities;
using Controller.Persistence.Hosting;
using Controller.Persistence.Ledgers;
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
/// <para>
/// A decision may carry its dialogue's next ledger version (<see cref="DialogueLedgerState"/>), written in the same
/// transaction and only if the row on record is still at the version before it. When another writer came first (a
/// replica's decision or an outcome of the same dialogue) that caller gets <see cref="DialogueLedgerConflictException"/>
/// and nothing is written for it; the rest of the batch is written one by one. Two decisions of one dialogue in one
/// batch are never staged together: the second waits for the first's commit.
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
    /// <param name="ledger">The dialogue's ledger with this decision in it, written with the decision if the row is still at the version before; null to leave the ledger alone.</param>
    /// <exception cref="InvalidOperationException">The decision id is already used by a different request.</exception>
    /// <exception cref="DialogueLedgerConflictException">The dialogue's ledger moved on since <paramref name="ledger"/> was read; nothing was written.</exception>
    /// <exception cref="ObjectDisposedException">The writer has stopped.</exception>
    public async Task<DecisionEntity> WriteAsync(DecisionEntity decision, DialogueLedgerState? ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        // Continuations run off the writer's loop, so one slow caller does not hold up the next batch.
        var pending = new PendingDecision(decision, ledger, new TaskCompletionSource<DecisionEntity>(TaskCreationOptions.RunContinuationsAsynchronously));
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
        // A dialogue's ledger row can take one new version per transaction; later turns of it wait for the commit.
        var staged = new List<PendingDecision>(batch.Count);
        var deferred = new List<PendingDecision>();
        var dialogues = new HashSet<(string, string)>();
        foreach (var pending in batch)
        {
            (pending.Ledger is null || dialogues.Add((pending.Ledger.DeviceId, pending.Ledger.DialogueId)) ? staged : deferred).Add(pending);
        }

        if (!await TryWriteTogetherAsync(staged).ConfigureAwait(false))
        {
            deferred.InsertRange(0, staged);
        }

        foreach (var pending in deferred)
        {
            try
            {
                pending.Stored.TrySetResult(await WriteOneAsync(pending).ConfigureAwait(false));
            }
            catch (Exception exception)
            {
                pending.Stored.TrySetException(exception);
            }
        }
    }

    /// <returns>False when a key or a ledger version stood in the way and nothing was written.</returns>
    private async Task<bool> TryWriteTogetherAsync(List<PendingDecision> batch)
    {
        if (batch.Count == 0)
        {
            return true;
        }

        using (await _writeGate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
        await using (var context = await _contextFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false))
        {
            foreach (var pending in batch)
            {
                context.Decisions.Add(pending.Decision);
                if (pending.Ledger is not null)
                {
                    DialogueLedgerStore.Stage(context, pending.Ledger, pending.Decision.DecidedAt);
                }
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

                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Some dialogue's ledger moved on (another replica, an outcome); sort out whose one by one.
                return false;
            }
            catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
            {
                // Some request id is on record already (or twice in this batch), or another writer created a dialogue's
                // ledger row first; sort them out one by one.
                return false;
            }
        }
    }

    private async Task<DecisionEntity> WriteOneAsync(PendingDecision pending)
    {
        var decision = pending.Decision;
        using (await _writeGate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
        await using (var context = await _contextFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false))
        {
            context.Decisions.Add(decision);
            if (pending.Ledger is not null)
            {
                DialogueLedgerStore.Stage(context, pending.Ledger, decision.DecidedAt);
            }

            try
            {
                await context.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                return decision;
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Conflict(pending.Ledger!);
            }
            catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
            {
                // The request id, the decision id or the dialogue's new ledger row exists already; find out which below.
            }
        }

        await using var lookup = await _contextFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        var existing = await lookup.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.RequestId == decision.RequestId).ConfigureAwait(false);
        if (existing is not null)
        {
            PersistenceLog.ExistingDecisionReturned(_logger, decision.RequestId, existing.DecisionId);
            return existing;
        }

        if (pending.Ledger is { Version: 1 } && !await lookup.Decisions.AnyAsync(d => d.DecisionId == decision.DecisionId).ConfigureAwait(false))
        {
            throw Conflict(pending.Ledger);
        }

        throw new InvalidOperationException(
            $"Decision {decision.DecisionId} for request {decision.RequestId} was not stored: the decision id is already used by another request.");
    }

    private static DialogueLedgerConflictException Conflict(DialogueLedgerState ledger) => new(ledger.DeviceId, ledger.DialogueId, ledger.Version - 1);

    /// <summary>Stops taking decisions and waits until every queued one is written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record PendingDecision(DecisionEntity Decision, DialogueLedgerState? Ledger, TaskCompletionSource<DecisionEntity> Stored);
}
