using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence.Stores;

/// <summary>
/// The decision log. A decision is stored once per request id, so a retried request gets the
/// decision already made for it, not a second one with a different propensity. Decisions are written in batches
/// by <see cref="DecisionLogWriter"/>.
/// </summary>
public sealed class DecisionStore(IDbContextFactory<ControllerDbContext> contextFactory, DecisionLogWriter writer)
{
    /// <summary>
    /// Stores <paramref name="decision"/> unless its request already has one, through the process's group-commit
    /// writer (<see cref="DecisionLogWriter"/>): it returns once the row is durable. <paramref name="cancellationToken"/>
    /// is honoured only while the writer's queue is full.
    /// </summary>
    /// <returns>The stored decision: <paramref name="decision"/> itself, or the existing decision for its request id, unchanged.</returns>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    /// <exception cref="InvalidOperationException">The decision id is already used by a different request.</exception>
    public async Task<DecisionEntity> RecordDecisionAsync(DecisionEntity decision, CancellationToken cancellationToken)
    {
        EntityValidator.Validate(decision);
        if (decision.Outcome is not null)
        {
            throw new ArgumentException($"Decision {decision.DecisionId}: record its outcome through {nameof(OutcomeStore)}, not with the decision.", nameof(decision));
        }

        return await writer.WriteAsync(decision, cancellationToken).ConfigureAwait(false);
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
