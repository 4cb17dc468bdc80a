using System.Collections.Concurrent;

namespace Controller.Service.Decisions;

/// <summary>
/// The device state a decision should assume: the ledger's entry while it is fresh, else the entry reloaded from the
/// store (heartbeats other replicas ingested and decisions they made included). Reloads are single-flight per device:
/// concurrent misses share one read, and a caller that gives up does not cancel it for the others.
/// </summary>
public sealed class DeviceStateLookup(DeviceLedger ledger, IDeviceRecordSource source, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DeviceSnapshot>>> _loads = new(StringComparer.Ordinal);

    public async ValueTask<DeviceSnapshot> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        if (ledger.TryGet(deviceId, out var held))
        {
            return held;
        }

        var load = _loads.GetOrAdd(deviceId, id => new Lazy<Task<DeviceSnapshot>>(() => LoadAsync(id)));
        return await load.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeviceSnapshot> LoadAsync(string deviceId)
    {
        try
        {
            var startedAt = clock.GetUtcNow();
            var record = await source.LoadAsync(deviceId, ledger.Horizon, startedAt, CancellationToken.None).ConfigureAwait(false);
            return ledger.Load(deviceId, record.Heartbeat, record.HeartbeatReceivedAt, record.Commitments, startedAt);
        }
        finally
        {
            _loads.TryRemove(deviceId, out _);
        }
    }
}
