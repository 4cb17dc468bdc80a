using Controller.Persistence;
using Controller.Persistence.Queries;
using Controller.Service.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Controller.Service.Decisions;

/// <summary>
/// Finds the state a decision should assume for a device: the cached latest heartbeat and energy committed since, else
/// the newest stored heartbeat (ingested by another replica or before a restart) with the energy the stored decisions
/// committed after it, else null (unknown device).
/// </summary>
public sealed class DeviceStateLookup(DeviceStateCache cache, DeviceEnergyQuery energy, IDbContextFactory<ControllerDbContext> contexts)
{
    public async ValueTask<DeviceSnapshot?> FindAsync(string deviceId, CancellationToken cancellationToken)
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
        var committed = await energy.SinceAsync(deviceId, heartbeat.SentAt, cancellationToken);
        cache.Load(heartbeat, committed);
        return new DeviceSnapshot(heartbeat, committed);
    }
}
