using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence.Queries;

/// <summary>Counts for the demo summary and the dashboard.</summary>
public sealed class StatsQuery(IDbContextFactory<ControllerDbContext> contextFactory)
{
    /// <summary>Current row counts, read in one short-lived context.</summary>
    public async Task<ControllerStats> GetAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var devices = await context.Devices.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var heartbeats = await context.Heartbeats.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var decisions = await context.Decisions.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = await context.Outcomes.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var joined = await context.Outcomes
            .Join(context.Decisions, o => o.DecisionId, d => d.DecisionId, (o, d) => o.DecisionId)
            .LongCountAsync(cancellationToken).ConfigureAwait(false);
        var byLocation = await context.Decisions
            .GroupBy(d => d.Location)
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var byExecutedLocation = await context.Outcomes
            .GroupBy(o => o.ExecutedLocation)
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        return new ControllerStats(devices, heartbeats, decisions, outcomes, joined, byLocation, byExecutedLocation);
    }
}
