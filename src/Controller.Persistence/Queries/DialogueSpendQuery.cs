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
        // One aggregate row, computed in the database over the (DeviceId, DialogueId) index.
        var row = await context.Decisions.AsNoTracking()
            .Where(d => d.DeviceId == deviceId && d.DialogueId == dialogueId)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Decisions = g.Count(),
                Outcomes = g.Count(d => d.Outcome != null),
                Expired = g.Count(d => d.Outcome == null && d.ExpiresAt <= now),
                ReportedLatencyMs = g.Sum(d => d.Outcome != null ? d.Outcome.TotalLatencyMs : 0.0),
                ReportedCostUsd = g.Sum(d => d.Outcome != null ? d.Outcome.CloudCostUsd : 0.0),
                ReportedEnergyJoules = g.Sum(d => d.Outcome != null ? d.Outcome.DeviceEnergyJoules : 0.0),
                PendingLatencyMs = g.Sum(d => d.Outcome == null && d.ExpiresAt > now ? d.ExpectedLatencyMs : 0.0),
                PendingCostUsd = g.Sum(d => d.Outcome == null && d.ExpiresAt > now ? d.ExpectedCostUsd : 0.0),
                PendingEnergyJoules = g.Sum(d => d.Outcome == null && d.ExpiresAt > now ? d.ExpectedEnergyJoules : 0.0),
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
