using System.Collections.Concurrent;
using Controller.Contracts;
using Controller.Service.Options;
using Microsoft.Extensions.Options;

namespace Controller.Service.Decisions;

/// <summary>
/// The latest heartbeat per device, kept in memory so the decision path does not query the database
/// for every request. A miss (for example a heartbeat that another replica ingested) falls back to the
/// store through <see cref="DeviceStateLookup"/>. Bounded twice: an entry older than
/// <see cref="DecisionOptions.DeviceStateMaxAgeSeconds"/> (since it was cached) is a miss, so another replica's newer
/// heartbeat is seen within that time; past <see cref="DecisionOptions.DeviceStateMaxDevices"/> devices the
/// longest-cached tenth is dropped, so memory stays bounded however many devices come and go.
/// </summary>
public sealed class DeviceStateCache(TimeProvider clock, IOptions<DecisionOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _latest = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();
    private readonly long _maxAgeTicks = TimeSpan.FromSeconds(options.Value.DeviceStateMaxAgeSeconds).Ticks;
    private readonly int _capacity = options.Value.DeviceStateMaxDevices;

    public int Count => _latest.Count;

    /// <summary>Keeps <paramref name="heartbeat"/> unless a newer one for the same device is already held.</summary>
    public void Update(HeartbeatReported heartbeat)
    {
        var now = clock.GetUtcNow().UtcTicks;
        _latest.AddOrUpdate(
            heartbeat.DeviceId,
            new Entry(heartbeat, now),
            (_, held) => heartbeat.SentAt >= held.Heartbeat.SentAt ? new Entry(heartbeat, now) : held);
        if (_latest.Count > _capacity)
        {
            Trim();
        }
    }

    /// <summary>The cached heartbeat of <paramref name="deviceId"/>, unless none is held or it is older than the age limit.</summary>
    public bool TryGet(string deviceId, out HeartbeatReported heartbeat)
    {
        if (_latest.TryGetValue(deviceId, out var entry))
        {
            if (clock.GetUtcNow().UtcTicks - entry.CachedAtTicks <= _maxAgeTicks)
            {
                heartbeat = entry.Heartbeat;
                return true;
            }

            // Remove only the entry we judged stale: an update racing with us keeps its fresh one.
            _latest.TryRemove(new KeyValuePair<string, Entry>(deviceId, entry));
        }

        heartbeat = null!;
        return false;
    }

    /// <summary>Drops the longest-cached entries until a tenth of the capacity is free again.</summary>
    private void Trim()
    {
        lock (_trimming)
        {
            var excess = _latest.Count - (_capacity - (_capacity / 10));
            if (_latest.Count <= _capacity || excess <= 0)
            {
                return;
            }

            foreach (var stale in _latest.ToArray().OrderBy(p => p.Value.CachedAtTicks).Take(excess))
            {
                _latest.TryRemove(stale);
            }
        }
    }

    private sealed record Entry(HeartbeatReported Heartbeat, long CachedAtTicks);
}
