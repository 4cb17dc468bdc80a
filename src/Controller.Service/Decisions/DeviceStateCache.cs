using System.Collections.Concurrent;
using Controller.Contracts;
using Controller.Service.Options;
using Microsoft.Extensions.Options;

namespace Controller.Service.Decisions;

/// <summary>A device's latest heartbeat and the energy decisions have committed since it was sent, J.</summary>
public sealed record DeviceSnapshot(HeartbeatReported Heartbeat, double CommittedJoules)
{
    /// <summary>The heartbeat's remaining energy less what has been committed since, never below 0.</summary>
    public double EnergyRemainingJoules => Math.Max(0, Heartbeat.EnergyBudgetRemainingJoules - CommittedJoules);
}

/// <summary>
/// The latest heartbeat per device, and the energy committed since it (expected energy of each decision made after it,
/// corrected to the reported energy when the outcome arrives), kept in memory so the decision path does not query the
/// database for every request. A miss falls back to the store through <see cref="DeviceStateLookup"/>, which also sums
/// the committed energy there (decisions other replicas made included) and <see cref="Load"/>s both. Bounded twice: an
/// entry older than <see cref="DecisionOptions.DeviceStateMaxAgeSeconds"/> (since it was cached) is a miss, so another
/// replica's newer heartbeat and decisions are seen within that time; past <see cref="DecisionOptions.DeviceStateMaxDevices"/>
/// devices the longest-cached tenth is dropped, so memory stays bounded however many devices come and go.
/// </summary>
public sealed class DeviceStateCache(TimeProvider clock, IOptions<DecisionOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _latest = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();
    private readonly long _maxAgeTicks = TimeSpan.FromSeconds(options.Value.DeviceStateMaxAgeSeconds).Ticks;
    private readonly int _capacity = options.Value.DeviceStateMaxDevices;

    public int Count => _latest.Count;

    /// <summary>
    /// A heartbeat just ingested: it replaces the held one when strictly newer, and nothing is committed since it yet
    /// (decisions made in the instant between its sending and its arrival are not counted).
    /// </summary>
    public void Update(HeartbeatReported heartbeat) => Store(heartbeat, 0, replaceEqual: false);

    /// <summary>A heartbeat read from the store with the energy committed since it there: replaces the held entry unless that is newer.</summary>
    public void Load(HeartbeatReported heartbeat, double committedJoules) => Store(heartbeat, committedJoules, replaceEqual: true);

    /// <summary>
    /// Adds <paramref name="joules"/> (negative to correct an estimate) to the device's committed energy when a decision
    /// made at <paramref name="decidedAt"/> falls after its held heartbeat; nothing when the device is not held.
    /// </summary>
    public void Commit(string deviceId, DateTimeOffset decidedAt, double joules)
    {
        if (double.IsFinite(joules) && _latest.TryGetValue(deviceId, out var entry) && decidedAt > entry.Heartbeat.SentAt)
        {
            entry.Add(joules);
        }
    }

    /// <summary>The cached state of <paramref name="deviceId"/>, unless none is held or it is older than the age limit.</summary>
    public bool TryGet(string deviceId, out DeviceSnapshot snapshot)
    {
        if (_latest.TryGetValue(deviceId, out var entry))
        {
            if (clock.GetUtcNow().UtcTicks - entry.CachedAtTicks <= _maxAgeTicks)
            {
                snapshot = entry.Snapshot();
                return true;
            }

            // Remove only the entry we judged stale: an update racing with us keeps its fresh one.
            _latest.TryRemove(new KeyValuePair<string, Entry>(deviceId, entry));
        }

        snapshot = null!;
        return false;
    }

    private void Store(HeartbeatReported heartbeat, double committedJoules, bool replaceEqual)
    {
        var fresh = new Entry(heartbeat, clock.GetUtcNow().UtcTicks, committedJoules);
        _latest.AddOrUpdate(
            heartbeat.DeviceId,
            fresh,
            (_, held) => heartbeat.SentAt > held.Heartbeat.SentAt || (replaceEqual && heartbeat.SentAt == held.Heartbeat.SentAt) ? fresh : held);
        if (_latest.Count > _capacity)
        {
            Trim();
        }
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

    /// <summary>One device's cached state; the committed energy changes under its own lock.</summary>
    private sealed class Entry(HeartbeatReported heartbeat, long cachedAtTicks, double committedJoules)
    {
        private readonly Lock _gate = new();
        private double _committed = committedJoules;

        public HeartbeatReported Heartbeat { get; } = heartbeat;

        public long CachedAtTicks { get; } = cachedAtTicks;

        public void Add(double joules)
        {
            lock (_gate)
            {
                _committed += joules;
            }
        }

        public DeviceSnapshot Snapshot()
        {
            lock (_gate)
            {
                return new DeviceSnapshot(Heartbeat, Math.Max(0, _committed));
            }
        }
    }
}
