using System.Collections.Concurrent;
using Controller.Contracts;
using Controller.Service.Options;
using Microsoft.Extensions.Options;

namespace Controller.Service.Decisions;

/// <summary>
/// Per device, in memory: the heartbeat the controller received last and the energy commitments of the decisions made
/// for the device, keyed by decision id (see <see cref="EnergyCommitment"/> for which of them a heartbeat already
/// reflects). The decision path reads it instead of the store on every request.
/// <para>
/// Entries come only from the store (<see cref="Load"/>, through <see cref="DeviceStateLookup"/>), so an entry always
/// starts from everything every replica has recorded; after that heartbeats, decisions and outcomes this process
/// handles update it in place. An entry is trusted for <see cref="DecisionOptions.DeviceStateMaxAgeSeconds"/> since it
/// was last loaded — heartbeats do not extend that, so other replicas' commitments are seen within that time — and a
/// stale entry stays in place (and keeps taking commitments) while it is reloaded. Past
/// <see cref="DecisionOptions.DeviceStateMaxDevices"/> devices the longest-loaded tenth is dropped.
/// </para>
/// </summary>
public sealed class DeviceLedger(TimeProvider clock, IOptions<DecisionOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _devices = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();
    private readonly long _maxAgeTicks = TimeSpan.FromSeconds(options.Value.DeviceStateMaxAgeSeconds).Ticks;
    private readonly TimeSpan _horizon = TimeSpan.FromSeconds(options.Value.CommitmentHorizonSeconds);
    private readonly double _unknownDeviceJoules = options.Value.UnknownDeviceEnergyJoules;
    private readonly int _capacity = options.Value.DeviceStateMaxDevices;

    /// <summary>Devices held.</summary>
    public int Count => _devices.Count;

    /// <summary>How far back a decision can still be unsettled; the store is read that far back on a reload.</summary>
    public TimeSpan Horizon => _horizon;

    /// <summary>
    /// A heartbeat just stored, received at <paramref name="receivedAt"/>: it becomes the device's state when it arrived
    /// after the one held, whatever its own <c>SentAt</c> says. Nothing for a device not held: its next decision loads it
    /// from the store, where this heartbeat already is.
    /// </summary>
    public void Heartbeat(HeartbeatReported heartbeat, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        if (_devices.TryGetValue(heartbeat.DeviceId, out var entry))
        {
            entry.Observe(heartbeat, receivedAt, clock.GetUtcNow(), _horizon);
        }
    }

    /// <summary>
    /// A decision's commitment, or its outcome's correction of it (same decision id): replaces what is held for that
    /// decision, except that a reported commitment is never replaced by an unreported one. Nothing for a device not
    /// held: the commitment is in the store, which the next load reads.
    /// </summary>
    public void Commit(string deviceId, EnergyCommitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (_devices.TryGetValue(deviceId, out var entry))
        {
            entry.Put(commitment);
        }
    }

    /// <summary>The device's state, unless it is not held or was loaded longer ago than the age limit.</summary>
    public bool TryGet(string deviceId, out DeviceSnapshot snapshot)
    {
        var now = clock.GetUtcNow();
        if (_devices.TryGetValue(deviceId, out var entry) && now.UtcTicks - entry.LoadedAtTicks <= _maxAgeTicks)
        {
            snapshot = entry.Snapshot(now, _horizon, _unknownDeviceJoules);
            return true;
        }

        snapshot = null!;
        return false;
    }

    /// <summary>
    /// What the store held when a load started at <paramref name="loadStartedAt"/>: merged into the held entry (or a new
    /// one), so commitments and heartbeats that arrived while the store was read are kept.
    /// </summary>
    public DeviceSnapshot Load(
        string deviceId, HeartbeatReported? heartbeat, DateTimeOffset heartbeatReceivedAt, IEnumerable<EnergyCommitment> commitments, DateTimeOffset loadStartedAt)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var entry = _devices.GetOrAdd(deviceId, static _ => new Entry());
        entry.Merge(heartbeat, heartbeatReceivedAt, commitments, loadStartedAt, _horizon);
        if (_devices.Count > _capacity)
        {
            Trim();
        }

        return entry.Snapshot(clock.GetUtcNow(), _horizon, _unknownDeviceJoules);
    }

    /// <summary>Drops the longest-loaded entries until a tenth of the capacity is free again.</summary>
    private void Trim()
    {
        lock (_trimming)
        {
            var excess = _devices.Count - (_capacity - (_capacity / 10));
            if (_devices.Count <= _capacity || excess <= 0)
            {
                return;
            }

            foreach (var stale in _devices.ToArray().OrderBy(p => p.Value.LoadedAtTicks).Take(excess))
            {
                _devices.TryRemove(stale);
            }
        }
    }

    /// <summary>One device: its latest heartbeat and its unsettled commitments, changed under the entry's own lock.</summary>
    private sealed class Entry
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<Guid, EnergyCommitment> _commitments = [];
        private HeartbeatReported? _heartbeat;
        private DateTimeOffset _receivedAt;
        private long _loadedAtTicks;

        public long LoadedAtTicks => Volatile.Read(ref _loadedAtTicks);

        public void Observe(HeartbeatReported heartbeat, DateTimeOffset receivedAt, DateTimeOffset now, TimeSpan horizon)
        {
            lock (_gate)
            {
                if (_heartbeat is null || receivedAt >= _receivedAt)
                {
                    _heartbeat = heartbeat;
                    _receivedAt = receivedAt;
                    ForgetSettled(now, horizon);
                }
            }
        }

        public void Put(EnergyCommitment commitment)
        {
            lock (_gate)
            {
                if (!_commitments.TryGetValue(commitment.DecisionId, out var held) || held.ReportedJoules is null || commitment.ReportedJoules is not null)
                {
                    _commitments[commitment.DecisionId] = commitment;
                }
            }
        }

        public void Merge(HeartbeatReported? heartbeat, DateTimeOffset receivedAt, IEnumerable<EnergyCommitment> commitments, DateTimeOffset loadStartedAt, TimeSpan horizon)
        {
            lock (_gate)
            {
                if (heartbeat is not null && (_heartbeat is null || receivedAt >= _receivedAt))
                {
                    _heartbeat = heartbeat;
                    _receivedAt = receivedAt;
                }

                foreach (var commitment in commitments)
                {
                    Put(commitment);
                }

                ForgetSettled(loadStartedAt, horizon);
                Volatile.Write(ref _loadedAtTicks, loadStartedAt.UtcTicks);
            }
        }

        public DeviceSnapshot Snapshot(DateTimeOffset now, TimeSpan horizon, double unknownDeviceJoules)
        {
            lock (_gate)
            {
                var committed = 0.0;
                foreach (var commitment in _commitments.Values)
                {
                    if (!commitment.IsSettled(_heartbeat, _receivedAt, now, horizon))
                    {
                        committed += commitment.Joules;
                    }
                }

                var reported = _heartbeat?.EnergyBudgetRemainingJoules ?? unknownDeviceJoules;
                return new DeviceSnapshot(_heartbeat, committed, Math.Max(0, reported - committed));
            }
        }

        // Settled commitments never count again (a newer heartbeat only settles more), so they can go.
        private void ForgetSettled(DateTimeOffset now, TimeSpan horizon)
        {
            List<Guid>? settled = null;
            foreach (var (id, commitment) in _commitments)
            {
                if (commitment.IsSettled(_heartbeat, _receivedAt, now, horizon))
                {
                    (settled ??= []).Add(id);
                }
            }

            settled?.ForEach(id => _commitments.Remove(id));
        }
    }
}
