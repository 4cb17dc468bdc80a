using Controller.Persistence.Hosting;
using Controller.Persistence.Entities;
using Controller.Persistence.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Controller.Persistence.Stores;

/// <summary>
/// The decision log. A decision is stored once per request id, so a retried request gets the
/// decision already made for it, not a second one with a different propensity.
/// </summary>
public sealed class DecisionStore(IDbContextFactory<ControllerDbContext> contextFactory, SqliteWriteGate writeGate, ILogger<DecisionStore> logger)
{
    /// <summary>
    /// Stores <paramref name="decision"/> unless its request already has one.
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

        using (await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false))
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            context.Decisions.Add(decision);
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return decision;
            }
            catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
            {
                // Either the request id or the decision id exists already; find out which below.
            }
        }

        var existing = await FindByRequestIdAsync(decision.RequestId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                $"Decision {decision.DecisionId} for request {decision.RequestId} was not stored: the decision id is already used by another request.");
        PersistenceLog.ExistingDecisionReturned(logger, decision.RequestId, existing.DecisionId);
        return existing;
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
