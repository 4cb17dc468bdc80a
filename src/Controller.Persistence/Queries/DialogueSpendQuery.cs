using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence.Queries;

/// <summary>
/// Per-dialogue spend for the decision path, which subtracts it from the dialogue's budgets to
/// know what the next turn may still use. A dialogue belongs to its device: (device id, dialogue id)
/// names it, so two devices that pick the same dialogue id never share or drain each other's budget.
/// </summary>
public sealed class DialogueSpendQuery(IDbContextFactory<ControllerDbContext> contextFactory)
{
    /// <summary>
    /// The spend of <paramref name="deviceId"/>'s dialogue <paramref name="dialogueId"/> as of <paramref name="now"/> (decisions pending past their
    /// expiry do not count); <see cref="DialogueSpend.None"/> when it has no decisions.
    /// </summary>
    public async Task<DialogueSpend> GetAsync(string deviceId, string dialogueId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(dialogueId);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // One aggregate row in one pass over the (DeviceId, DialogueId) index: the outcome is joined once and the
        // aggregates read the joined rows. Aggregating through the Outcome navigation made EF emit one correlated
        // subquery per sum (nine scans of the dialogue per decision), which was most of the decision path's time.
        var row = await (
                from d in context.Decisions.AsNoTracking()
                where d.DeviceId == deviceId && d.DialogueId == dialogueId
                join o in context.Outcomes.AsNoTracking() on d.DecisionId equals o.DecisionId into outcomes
                from o in outcomes.DefaultIfEmpty()
                select new
                {
                    Reported = o != null,
                    Expired = o == null && d.ExpiresAt <= now,
                    ReportedLatencyMs = o != null ? o.TotalLatencyMs : 0.0,
                    ReportedCostUsd = o != null ? o.CloudCostUsd : 0.0,
                    ReportedEnergyJoules = o != null ? o.DeviceEnergyJoules : 0.0,
                    PendingLatencyMs = o == null && d.ExpiresAt > now ? d.ExpectedLatencyMs : 0.0,
                    PendingCostUsd = o == null && d.ExpiresAt > now ? d.ExpectedCostUsd : 0.0,
                    PendingEnergyJoules = o == null && d.ExpiresAt > now ? d.ExpectedEnergyJoules : 0.0,
                })
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Decisions = g.Count(),
                Outcomes = g.Count(r => r.Reported),
                Expired = g.Count(r => r.Expired),
                ReportedLatencyMs = g.Sum(r => r.ReportedLatencyMs),
                ReportedCostUsd = g.Sum(r => r.ReportedCostUsd),
                ReportedEnergyJoules = g.Sum(r => r.ReportedEnergyJoules),
                PendingLatencyMs = g.Sum(r => r.PendingLatencyMs),
                PendingCostUsd = g.Sum(r => r.PendingCostUsd),
                PendingEnergyJoules = g.Sum(r => r.PendingEnergyJoules),
            })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null
            ? DialogueSpend.None
            : new DialogueSpend(
                row.Decisions,
                row.Outcomes,
                row.Expired,
                row.ReportedLatencyMs,
                row.ReportedCostUsd,
                row.ReportedEnergyJoules,
                row.PendingLatencyMs,
                row.PendingCostUsd,
                row.PendingEnergyJoules);
    }
}
