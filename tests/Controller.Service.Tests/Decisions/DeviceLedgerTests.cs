using Controller.Contracts;
using Controller.Service.Decisions;
using Controller.Service.Options;
using Controller.Testing;

namespace Controller.Service.Tests.Decisions;

/// <summary>
/// <see cref="DeviceLedger"/> and <see cref="DeviceStateLookup"/> over a store stand-in: which commitments a heartbeat
/// settles, keyed commitments, entries trusted for the age limit since they were loaded, single-flight reloads that
/// refresh in place, bounded memory.
/// </summary>
public sealed class DeviceLedgerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Start);
    private readonly FakeSource _store = new();

    [Fact]
    public async Task Find_UnknownDevice_DefaultEnergyLessItsDecisionsAndOneStoreRead()
    {
        var (ledger, lookup) = Create(unknownDeviceJoules: 500);
        await lookup.FindAsync("new", CancellationToken.None);

        ledger.Commit("new", Commitment(expected: 30));
        ledger.Commit("new", Commitment(expected: 20));
        var state = await lookup.FindAsync("new", CancellationToken.None);

        Assert.Null(state.Heartbeat);
        Assert.Equal(450, state.EnergyRemainingJoules, 9);
        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task Commit_SameDecisionAgainOrItsOutcome_ReplacesInsteadOfAdding()
    {
        var (ledger, lookup) = Create();
        _store.Heartbeat = Heartbeat(energy: 1_000, sentAt: Start);
        await lookup.FindAsync("device-1", CancellationToken.None);
        var d = Commitment(expected: 30);

        ledger.Commit("device-1", d);
        ledger.Commit("device-1", d); // a repeated request
        ledger.Commit("device-1", d with { ReportedJoules = 5, ReportedAt = Start.AddSeconds(2) });
        ledger.Commit("device-1", d with { ReportedJoules = 5, ReportedAt = Start.AddSeconds(2) }); // a redelivered outcome
        ledger.Commit("device-1", d); // a late repeat must not undo the report
        ledger.Commit("device-1", Commitment(expected: 30));

        Assert.Equal(1_000 - 5 - 30, (await lookup.FindAsync("device-1", CancellationToken.None)).EnergyRemainingJoules, 9);
    }

    [Fact]
    public async Task Heartbeat_ReportedAfterAnOutcome_SettlesItButNotPendingOrLaterReportedOnes()
    {
        var (ledger, lookup) = Create();
        _store.Heartbeat = Heartbeat(energy: 1_000, sentAt: Start);
        await lookup.FindAsync("device-1", CancellationToken.None);
        var early = Commitment(expected: 30) with { ReportedJoules = 40, ReportedAt = Start.AddSeconds(5) };
        var late = Commitment(expected: 30) with { ReportedJoules = 7, ReportedAt = Start.AddSeconds(20) };
        ledger.Commit("device-1", early);
        ledger.Commit("device-1", late);
        ledger.Commit("device-1", Commitment(expected: 11));

        // Sent (device clock) after the early outcome was reported, before the late one.
        _clock.Advance(TimeSpan.FromSeconds(15));
        ledger.Heartbeat(Heartbeat(energy: 960, sentAt: Start.AddSeconds(10)), _clock.GetUtcNow());

        Assert.Equal(960 - 7 - 11, (await lookup.FindAsync("device-1", CancellationToken.None)).EnergyRemainingJoules, 9);
    }

    [Fact]
    public async Task Heartbeat_PendingDecisionPastItsExpiry_StopsCountingOnceAHeartbeatArrivesAfterTheExpiry()
    {
        var (ledger, lookup) = Create();
        _store.Heartbeat = Heartbeat(energy: 1_000, sentAt: Start);
        await lookup.FindAsync("device-1", CancellationToken.None);
        ledger.Commit("device-1", Commitment(expected: 30)); // expires after 30 s; its outcome never comes
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(970, (await lookup.FindAsync("device-1", CancellationToken.None)).EnergyRemainingJoules, 9);

        ledger.Heartbeat(Heartbeat(energy: 990, sentAt: Start.AddSeconds(31)), _clock.GetUtcNow());

        Assert.Equal(990, (await lookup.FindAsync("device-1", CancellationToken.None)).EnergyRemainingJoules, 9);
    }

    [Fact]
    public async Task Heartbeat_ArrivingLater_WinsWhateverItsSentAtSays()
    {
        var (ledger, lookup) = Create();
        _store.Heartbeat = Heartbeat(energy: 1_000, sentAt: Start.AddMinutes(9), network: NetworkType.Disconnected);
        await lookup.FindAsync("device-1", CancellationToken.None);
        ledger.Commit("device-1", Commitment(expected: 100));

        _clock.Advance(TimeSpan.FromSeconds(1));
        ledger.Heartbeat(Heartbeat(energy: 200, sentAt: Start), _clock.GetUtcNow());
        ledger.Commit("device-1", Commitment(expected: 100));

        var state = await lookup.FindAsync("device-1", CancellationToken.None);
        Assert.Equal(NetworkType.WiFi, state.Heartbeat!.Network);
        Assert.Equal(0, state.EnergyRemainingJoules, 9);
        Assert.Equal(200, state.CommittedJoules, 9);
    }

    [Fact]
    public async Task Find_HeartbeatsKeepArriving_StillReloadsAfterTheMaxAgeAndSeesOtherReplicasDecisions()
    {
        var (ledger, lookup) = Create(maxAgeSeconds: 60);
        _store.Heartbeat = Heartbeat(energy: 1_000, sentAt: Start);
        await lookup.FindAsync("device-1", CancellationToken.None);
        for (var second = 10; second <= 70; second += 10)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            ledger.Heartbeat(Heartbeat(energy: 1_000, sentAt: Start.AddSeconds(second)), _clock.GetUtcNow());
        }

        // Another replica decided meanwhile; only the store knows.
        _store.Commitments = [Commitment(expected: 30, decidedAt: Start.AddSeconds(65))];
        var state = await lookup.FindAsync("device-1", CancellationToken.None);

        Assert.Equal(2, _store.Reads);
        Assert.Equal(970, state.EnergyRemainingJoules, 9);
    }

    [Fact]
    public async Task Find_ConcurrentMissesOfOneDevice_ShareOneStoreRead()
    {
        var (_, lookup) = Create();
        _store.Heartbeat = Heartbeat(energy: 1_000, sentAt: Start);
        _store.Gate = new TaskCompletionSource();

        var finds = Enumerable.Range(0, 8).Select(_ => lookup.FindAsync("device-1", CancellationToken.None).AsTask()).ToArray();
        _store.Gate.SetResult();
        await Task.WhenAll(finds);

        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task Find_CallerCancelsDuringAReload_OthersStillGetIt()
    {
        var (_, lookup) = Create();
        _store.Heartbeat = Heartbeat(energy: 1_000, sentAt: Start);
        _store.Gate = new TaskCompletionSource();
        using var cancelled = new CancellationTokenSource();

        var impatient = lookup.FindAsync("device-1", cancelled.Token).AsTask();
        var patient = lookup.FindAsync("device-1", CancellationToken.None).AsTask();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        _store.Gate.SetResult();

        Assert.Equal(1_000, (await patient).EnergyRemainingJoules, 9);
        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task Commit_WhileAStaleEntryIsReloaded_IsKept()
    {
        var (ledger, lookup) = Create(maxAgeSeconds: 60);
        _store.Heartbeat = Heartbeat(energy: 1_000, sentAt: Start);
        await lookup.FindAsync("device-1", CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(61));
        _store.Gate = new TaskCompletionSource();

        var reload = lookup.FindAsync("device-1", CancellationToken.None).AsTask();
        await _store.Reading.Task; // the store has been read (without the commitment below)
        ledger.Commit("device-1", Commitment(expected: 30, decidedAt: _clock.GetUtcNow()));
        _store.Gate.SetResult();
        await reload;

        Assert.Equal(970, (await lookup.FindAsync("device-1", CancellationToken.None)).EnergyRemainingJoules, 9);
    }

    [Fact]
    public async Task Load_PastMaxDevices_DropsTheLongestLoadedTenth()
    {
        var (ledger, lookup) = Create(maxDevices: 20, maxAgeSeconds: 3_600);
        for (var i = 0; i < 21; i++)
        {
            await lookup.FindAsync($"device-{i}", CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(18, ledger.Count);
        Assert.False(ledger.TryGet("device-0", out _));
        Assert.False(ledger.TryGet("device-2", out _));
        Assert.True(ledger.TryGet("device-3", out _));
        Assert.True(ledger.TryGet("device-20", out _));
    }

    [Fact]
    public async Task Find_ManyDevicesFromManyThreads_NeverExceedsMaxDevicesForLong()
    {
        var (ledger, lookup) = Create(maxDevices: 1_000, maxAgeSeconds: 3_600);

        await Parallel.ForAsync(0, 20_000, async (i, ct) => await lookup.FindAsync($"device-{i}", ct));

        Assert.InRange(ledger.Count, 1, 1_000);
    }

    private (DeviceLedger Ledger, DeviceStateLookup Lookup) Create(int maxDevices = 100, double maxAgeSeconds = 60, double unknownDeviceJoules = 500)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new DecisionOptions
        {
            DeviceStateMaxDevices = maxDevices,
            DeviceStateMaxAgeSeconds = maxAgeSeconds,
            UnknownDeviceEnergyJoules = unknownDeviceJoules,
        });
        var ledger = new DeviceLedger(_clock, options);
        return (ledger, new DeviceStateLookup(ledger, _store, _clock));
    }

    private EnergyCommitment Commitment(double expected, DateTimeOffset? decidedAt = null)
    {
        var at = decidedAt ?? _clock.GetUtcNow();
        return new EnergyCommitment(Guid.NewGuid(), at, at.AddSeconds(30), expected);
    }

    private static HeartbeatReported Heartbeat(double energy, DateTimeOffset sentAt, NetworkType network = NetworkType.WiFi) =>
        TestMessages.Heartbeat("device-1", network) with { SentAt = sentAt, EnergyBudgetRemainingJoules = energy };

    /// <summary>The store as of now: one heartbeat received at the moment of reading, and the commitments set.</summary>
    private sealed class FakeSource : IDeviceRecordSource
    {
        private int _reads;

        public HeartbeatReported? Heartbeat { get; set; }

        public IReadOnlyList<EnergyCommitment> Commitments { get; set; } = [];

        /// <summary>When set, reads wait for it (after signalling <see cref="Reading"/>).</summary>
        public TaskCompletionSource? Gate { get; set; }

        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Reads => Volatile.Read(ref _reads);

        public async Task<DeviceRecord> LoadAsync(string deviceId, TimeSpan horizon, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            var record = new DeviceRecord(Heartbeat is { } h && h.DeviceId == deviceId ? h : null, now, Commitments);
            Reading.TrySetResult();
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            return record;
        }
    }
}
