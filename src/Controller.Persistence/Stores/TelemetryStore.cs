using Controller.Persistence.Hosting;
using Controller.Persistence.Entities;
using Controller.Persistence.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Controller.Persistence.Stores;

/// <summary>
/// Stores heartbeats and keeps each device's latest state. Safe under concurrent callers and
/// redelivery: the heartbeat id is the primary key, and the device row only moves forward in time.
/// </summary>
public sealed class TelemetryStore(IDbContextFactory<ControllerDbContext> contextFactory, SqliteWriteGate writeGate, ILogger<TelemetryStore> logger)
{
    /// <summary>
    /// Stores <paramref name="heartbeat"/> and, if its <c>SentAt</c> is newer than the device's
    /// stored state, makes it the device's latest state — in one transaction.
    /// </summary>
    /// <returns>True when stored; false when a heartbeat with this id was already stored (nothing is written).</returns>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public async Task<bool> RecordHeartbeatAsync(HeartbeatEntity heartbeat, CancellationToken cancellationToken)
    {
        EntityValidator.Validate(heartbeat);
        using var turn = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        context.Heartbeats.Add(heartbeat);
        try
        {
            // No savepoint: if this first insert fails the whole transaction is abandoned anyway,
            // and skipping it saves two round trips on every heartbeat.
            context.Database.AutoSavepointsEnabled = false;
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
        {
            PersistenceLog.DuplicateHeartbeat(logger, heartbeat.HeartbeatId, heartbeat.DeviceId);
            return false;
        }
        finally
        {
            // The device insert below relies on EF's savepoint to survive losing an insert race.
            context.Database.AutoSavepointsEnabled = true;
        }

        await UpsertDeviceAsync(context, heartbeat, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The device's latest state, or null if it never sent a heartbeat.</summary>
    public async Task<DeviceEntity?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Devices.AsNoTracking()
            .SingleOrDefaultAsync(d => d.DeviceId == deviceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Devices whose latest heartbeat was sent at or after <paramref name="since"/>, most recent first.</summary>
    public async Task<IReadOnlyList<DeviceEntity>> ListDevicesSeenSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Devices.AsNoTracking()
            .Where(d => d.LastSeenAt >= since)
            .OrderByDescending(d => d.LastSeenAt)
            .ThenBy(d => d.DeviceId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A device's heartbeats sent in [<paramref name="from"/>, <paramref name="to"/>), oldest first,
    /// at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<HeartbeatEntity>> GetHeartbeatsAsync(
        string deviceId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Heartbeats.AsNoTracking()
            .Where(h => h.DeviceId == deviceId && h.SentAt >= from && h.SentAt < to)
            .OrderBy(h => h.SentAt)
            .ThenBy(h => h.HeartbeatId)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpsertDeviceAsync(ControllerDbContext context, HeartbeatEntity heartbeat, CancellationToken cancellationToken)
    {
        // Newer than the stored state (the common case): FirstSeenAt <= LastSeenAt < SentAt, done.
        if (await UpdateIfNewerAsync(context, heartbeat, cancellationToken).ConfigureAwait(false) == 1)
        {
            return;
        }

        if (await context.Devices.AnyAsync(d => d.DeviceId == heartbeat.DeviceId, cancellationToken).ConfigureAwait(false))
        {
            // The row may have been committed by another delivery between the update above and this check (the update
            // then found no row at all): now that it exists, the conditional update decides whether ours is newer.
            if (await UpdateIfNewerAsync(context, heartbeat, cancellationToken).ConfigureAwait(false) == 1)
            {
                return;
            }
        }
        else
        {
            context.Devices.Add(NewDevice(heartbeat));
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
            {
                // Another delivery for the same device inserted it first (EF rolled back to its
                // savepoint, so the transaction is still usable); apply ours only if it is newer.
                context.ChangeTracker.Clear();
                if (await UpdateIfNewerAsync(context, heartbeat, cancellationToken).ConfigureAwait(false) == 1)
                {
                    return;
                }
            }
        }

        // An out-of-order heartbeat: the state stays, but it may be the earliest one seen.
        var sentAt = heartbeat.SentAt;
        await context.Devices
            .Where(d => d.DeviceId == heartbeat.DeviceId && d.FirstSeenAt > sentAt)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.FirstSeenAt, sentAt), cancellationToken)
            .ConfigureAwait(false);
    }

    // One conditional UPDATE: the database re-checks LastSeenAt under the row lock, so concurrent
    // heartbeats of one device can arrive in any order and the newest still wins.
    private static Task<int> UpdateIfNewerAsync(ControllerDbContext context, HeartbeatEntity heartbeat, CancellationToken cancellationToken)
    {
        var sentAt = heartbeat.SentAt;
        return context.Devices
            .Where(d => d.DeviceId == heartbeat.DeviceId && d.LastSeenAt < sentAt)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(d => d.DeviceClass, heartbeat.DeviceClass)
                    .SetProperty(d => d.LastSeenAt, sentAt)
                    .SetProperty(d => d.BatteryPercent, heartbeat.BatteryPercent)
                    .SetProperty(d => d.EnergyBudgetRemainingJoules, heartbeat.EnergyBudgetRemainingJoules)
                    .SetProperty(d => d.FreeMemoryMb, heartbeat.FreeMemoryMb)
                    .SetProperty(d => d.Network, heartbeat.Network)
                    .SetProperty(d => d.UplinkMbps, heartbeat.UplinkMbps)
                    .SetProperty(d => d.DownlinkMbps, heartbeat.DownlinkMbps)
                    .SetProperty(d => d.RttMs, heartbeat.RttMs)
                    .SetProperty(d => d.DraftAcceptanceEstimate, heartbeat.DraftAcceptanceEstimate)
                    .SetProperty(d => d.LastHeartbeatId, heartbeat.HeartbeatId),
                cancellationToken);
    }

    private static DeviceEntity NewDevice(HeartbeatEntity heartbeat) => new()
    {
        DeviceId = heartbeat.DeviceId,
        DeviceClass = heartbeat.DeviceClass,
        FirstSeenAt = heartbeat.SentAt,
        LastSeenAt = heartbeat.SentAt,
        BatteryPercent = heartbeat.BatteryPercent,
        EnergyBudgetRemainingJoules = heartbeat.EnergyBudgetRemainingJoules,
        FreeMemoryMb = heartbeat.FreeMemoryMb,
        Network = heartbeat.Network,
        UplinkMbps = heartbeat.UplinkMbps,
        DownlinkMbps = heartbeat.DownlinkMbps,
        RttMs = heartbeat.RttMs,
        DraftAcceptanceEstimate = heartbeat.DraftAcceptanceEstimate,
        LastHeartbeatId = heartbeat.HeartbeatId,
    };
}
