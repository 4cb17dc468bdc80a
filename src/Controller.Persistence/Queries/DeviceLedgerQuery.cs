using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence.Queries;

/// <summary>
/// Reads what the decision path's per-device energy ledger is rebuilt from: the heartbeat received last (by the
/// controller's receive time, so a device's clock cannot make an old heartbeat look newest) and the device's decisions
/// made from <c>lookback</c> before it on. Which of those the heartbeat already reflects is the ledger's rule, not the
/// query's, so it lives in one place.
/// </summary>
public sealed class DeviceLedgerQuery(IDbContextFactory<ControllerDbContext> contextFactory)
{
    /// <param name="lookback">How far before the latest heartbeat's receipt (or <paramref name="now"/>, without one) decisions are read.</param>
    public async Task<DeviceLedgerRecord> LoadAsync(string deviceId, TimeSpan lookback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // Over the (DeviceId, ReceivedAt) index.
        var latest = await context.Heartbeats.AsNoTracking()
            .Where(h => h.DeviceId == deviceId)
            .OrderByDescending(h => h.ReceivedAt)
            .ThenByDescending(h => h.HeartbeatId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var since = (latest?.ReceivedAt ?? now) - lookback;
        // Over the (DeviceId, DecidedAt) index; only the columns the ledger needs (not the request JSON).
        var decisions = await context.Decisions.AsNoTracking()
            .Where(d => d.DeviceId == deviceId && d.DecidedAt >= since)
            .Select(d => new CommittedDecision(
                d.DecisionId,
                d.DecidedAt,
                d.ExpiresAt,
                d.ExpectedEnergyJoules,
                d.Outcome != null ? d.Outcome.DeviceEnergyJoules : null,
                d.Outcome != null ? d.Outcome.ReportedAt : null))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new DeviceLedgerRecord(latest, decisions);
    }
}
