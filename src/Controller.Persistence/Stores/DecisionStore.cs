using Controller.Persistence.Entities;
using Controller.Persistence.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence.Stores;

/// <summary>
/// The decision log. A decision is stored once per request id, so a retried request gets the
/// decision already made for it, not a second one with a different propensity. Decisions are written in batches
/// by <see cref="DecisionLogWriter"/>, each with its dialogue's next ledger version in the same transaction.
/// </summary>
public sealed class DecisionStore(IDbContextFactory<ControllerDbContext> contextFactory, DecisionLogWriter writer, DialogueLedgerStore ledgers)
{
    /// <summary>How often <see cref="RecordDecisionAsync(DecisionEntity, CancellationToken)"/> re-reads a ledger that another writer moved on.</summary>
    private const int LedgerAttempts = 16;

    /// <summary>
    /// Stores <paramref name="decision"/> unless its request already has one, through the process's group-commit
    /// writer (<see cref="DecisionLogWriter"/>): it returns once the row is durable. <paramref name="cancellationToken"/>
    /// is honoured only while the writer's queue is full.
    /// </summary>
    /// <returns>The stored decision: <paramref name="decision"/> itself, or the existing decision for its request id, unchanged.</returns>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    /// <exception cref="InvalidOperationException">The decision id is already used by a different request.</exception>
    /// <remarks>For callers that did not read the dialogue's ledger: the decision joins the ledger on record, whatever it holds.</remarks>
    public async Task<DecisionEntity> RecordDecisionAsync(DecisionEntity decision, CancellationToken cancellationToken)
    {
        Validate(decision);
        for (var attempt = 1; ; attempt++)
        {
            var ledger = await ledgers.LoadAsync(decision.DeviceId, decision.DialogueId, decision.DecidedAt, cancellationToken).ConfigureAwait(false);
            try
            {
                return await writer.WriteAsync(decision, ledger.WithDecision(decision, decision.DecidedAt), cancellationToken).ConfigureAwait(false);
            }
            catch (DialogueLedgerConflictException) when (attempt < LedgerAttempts)
            {
                // Another writer of this dialogue came first; join the ledger as it is now.
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="decision"/>, made against <paramref name="ledger"/>, together with the ledger's next
    /// version, if the dialogue's ledger on record is still <paramref name="ledger"/>: so a decision is on record only
    /// if the budgets it was decided under were the dialogue's real ones.
    /// </summary>
    /// <returns>The stored decision and, when it is <paramref name="decision"/> itself, the ledger version it made; for a repeated request id the decision on record and no ledger.</returns>
    /// <exception cref="DialogueLedgerConflictException">The ledger moved on since it was read; nothing was written.</exception>
    public async Task<RecordedDecision> RecordDecisionAsync(DecisionEntity decision, DialogueLedgerState ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Validate(decision);
        if (!string.Equals(ledger.DeviceId, decision.DeviceId, StringComparison.Ordinal) || !string.Equals(ledger.DialogueId, decision.DialogueId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Decision {decision.DecisionId} belongs to device '{decision.DeviceId}' dialogue '{decision.DialogueId}', not to the ledger given.", nameof(ledger));
        }

        var next = ledger.WithDecision(decision, decision.DecidedAt);
        var stored = await writer.WriteAsync(decision, next, cancellationToken).ConfigureAwait(false);
        return new RecordedDecision(stored, ReferenceEquals(stored, decision) ? next : null);
    }

    private static void Validate(DecisionEntity decision)
    {
        EntityValidator.Validate(decision);
        if (decision.Outcome is not null)
        {
            throw new ArgumentException($"Decision {decision.DecisionId}: record its outcome through {nameof(OutcomeStore)}, not with the decision.", nameof(decision));
        }
    }

    /// <summary>The decision made for <paramref name="requestId"/>, or null.</summary>
    public async Task<DecisionEntity?> FindByRequestIdAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Decisions.AsNoTracking()
            .SingleOrDefaultAsync(d => d.RequestId == requestId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The decision with id <paramref name="decisionId"/>, with its outcome when one was reported; or null.</summary>
    public async Task<DecisionEntity?> FindAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Decisions.AsNoTracking()
            .Include(d => d.Outcome)
            .SingleOrDefaultAsync(d => d.DecisionId == decisionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A device's decisions made in [<paramref name="from"/>, <paramref name="to"/>), oldest first,
    /// with their outcomes where reported; at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<DecisionEntity>> ListForDeviceAsync(
        string deviceId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Decisions.AsNoTracking()
            .Include(d => d.Outcome)
            .Where(d => d.DeviceId == deviceId && d.DecidedAt >= from && d.DecidedAt < to)
            .OrderBy(d => d.DecidedAt)
            .ThenBy(d => d.DecisionId)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Decisions made at or after <paramref name="since"/> that have an outcome, oldest first, at
    /// most <paramref name="limit"/>: the logged (context, action, propensity, outcome) tuples
    /// training and off-policy evaluation read. Page by passing the last <c>DecidedAt</c> seen.
    /// </summary>
    public async Task<IReadOnlyList<DecisionEntity>> ListWithOutcomesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Decisions.AsNoTracking()
            .Include(d => d.Outcome)
            .Where(d => d.DecidedAt >= since && d.Outcome != null)
            .OrderBy(d => d.DecidedAt)
            .ThenBy(d => d.DecisionId)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
