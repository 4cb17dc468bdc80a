using Controller.Contracts;
using Controller.Persistence;
using Controller.Service.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Controller.Service.Decisions;

/// <summary>
/// Finds the state a decision should assume for a device: the cached latest heartbeat, else the
/// newest stored one (ingested by another replica or before a restart), else null (unknown device).
/// </summary>
public sealed class DeviceStateLookup(DeviceStateCache cache, IDbContextFactory<ControllerDbContext> contexts)
{
    public async ValueTask<HeartbeatReported?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(deviceId, out var cached))
        {
            return cached;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Heartbeats.AsNoTracking()
            .Where(h => h.DeviceId == deviceId)
            .OrderByDescending(h => h.SentAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var heartbeat = HeartbeatMapping.ToContract(stored);
        cache.Update(heartbeat);
        return heartbeat;
    }
}
