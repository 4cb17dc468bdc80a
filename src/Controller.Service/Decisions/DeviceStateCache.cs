using System.Collections.Concurrent;
using Controller.Contracts;

namespace Controller.Service.Decisions;

/// <summary>
/// The latest heartbeat per device, kept in memory so the decision path does not query the database
/// for every request. A miss (for example a heartbeat that another replica ingested) falls back to the
/// store through <see cref="DeviceStateLookup"/>.
/// </summary>
public sealed class DeviceStateCache
{
    private readonly ConcurrentDictionary<string, HeartbeatReported> _latest = new(StringComparer.Ordinal);

    public int Count => _latest.Count;

    /// <summary>Keeps <paramref name="heartbeat"/> unless a newer one for the same device is already held.</summary>
    public void Update(HeartbeatReported heartbeat) =>
        _latest.AddOrUpdate(
            heartbeat.DeviceId,
            heartbeat,
            (_, held) => heartbeat.SentAt >= held.SentAt ? heartbeat : held);

    public bool TryGet(string deviceId, out HeartbeatReported heartbeat) =>
        _latest.TryGetValue(deviceId, out heartbeat!);
}
