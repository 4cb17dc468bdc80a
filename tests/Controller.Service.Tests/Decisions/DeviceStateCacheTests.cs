using Controller.Service.Decisions;
using Controller.Service.Options;
using Controller.Testing;

namespace Controller.Service.Tests.Decisions;

/// <summary><see cref="DeviceStateCache"/>: newest heartbeat wins, committed energy adds up, entries expire, memory stays bounded.</summary>
public sealed class DeviceStateCacheTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_WithinMaxAge_ReturnsTheNewestHeartbeat()
    {
        var cache = Cache(maxDevices: 10, maxAgeSeconds: 60);
        var newer = TestMessages.Heartbeat() with { SentAt = _clock.GetUtcNow() };
        var older = newer with { HeartbeatId = Guid.NewGuid(), SentAt = newer.SentAt.AddSeconds(-5), BatteryPercent = 10 };

        cache.Update(newer);
        cache.Update(older);
        _clock.Advance(TimeSpan.FromSeconds(59));

        Assert.True(cache.TryGet("device-1", out var held));
        Assert.Equal(newer.HeartbeatId, held.Heartbeat.HeartbeatId);
    }

    [Fact]
    public void TryGet_OlderThanMaxAge_MissesAndForgetsTheEntry()
    {
        var cache = Cache(maxDevices: 10, maxAgeSeconds: 60);
        cache.Update(TestMessages.Heartbeat());
        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.False(cache.TryGet("device-1", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Update_OfAnExpiredDevice_CountsFromTheNewCaching()
    {
        var cache = Cache(maxDevices: 10, maxAgeSeconds: 60);
        var heartbeat = TestMessages.Heartbeat();
        cache.Update(heartbeat);
        _clock.Advance(TimeSpan.FromSeconds(50));
        cache.Load(heartbeat, committedJoules: 3); // the same heartbeat read again from the store: trusted for another 60 s
        _clock.Advance(TimeSpan.FromSeconds(50));

        Assert.True(cache.TryGet("device-1", out _));
    }

    [Fact]
    public void Commit_DecisionsAfterTheHeartbeat_AddUpAndOutcomesCorrectThem()
    {
        var cache = Cache(maxDevices: 10, maxAgeSeconds: 60);
        var heartbeat = TestMessages.Heartbeat() with { SentAt = _clock.GetUtcNow(), EnergyBudgetRemainingJoules = 100 };
        cache.Update(heartbeat);

        cache.Commit("device-1", heartbeat.SentAt.AddSeconds(1), 30);     // a decision expected to use 30 J
        cache.Commit("device-1", heartbeat.SentAt.AddSeconds(2), 25);     // another, 25 J
        cache.Commit("device-1", heartbeat.SentAt.AddSeconds(1), -10);    // the first one's outcome: it used 20 J
        cache.Commit("device-1", heartbeat.SentAt.AddSeconds(-5), 500);   // made before the heartbeat: already in it
        cache.Commit("device-9", heartbeat.SentAt.AddSeconds(1), 500);    // a device not held
        cache.Commit("device-1", heartbeat.SentAt.AddSeconds(3), double.NaN);

        Assert.True(cache.TryGet("device-1", out var state));
        Assert.Equal(45, state.CommittedJoules, 9);
        Assert.Equal(55, state.EnergyRemainingJoules, 9);
        Assert.False(cache.TryGet("device-9", out _));
    }

    [Fact]
    public void Update_NewerHeartbeat_StartsCommittedEnergyAfresh()
    {
        var cache = Cache(maxDevices: 10, maxAgeSeconds: 60);
        var first = TestMessages.Heartbeat() with { SentAt = _clock.GetUtcNow(), EnergyBudgetRemainingJoules = 100 };
        cache.Update(first);
        cache.Commit("device-1", first.SentAt.AddSeconds(1), 90);

        cache.Update(first); // a redelivery changes nothing
        Assert.True(cache.TryGet("device-1", out var same));
        Assert.Equal(90, same.CommittedJoules, 9);

        cache.Update(first with { HeartbeatId = Guid.NewGuid(), SentAt = first.SentAt.AddSeconds(5), EnergyBudgetRemainingJoules = 8 });
        Assert.True(cache.TryGet("device-1", out var fresh));
        Assert.Equal(0, fresh.CommittedJoules);
        Assert.Equal(8, fresh.EnergyRemainingJoules);
    }

    [Fact]
    public void Snapshot_MoreCommittedThanReported_RemainingIsZeroNotNegative()
    {
        var cache = Cache(maxDevices: 10, maxAgeSeconds: 60);
        var heartbeat = TestMessages.Heartbeat() with { SentAt = _clock.GetUtcNow(), EnergyBudgetRemainingJoules = 10 };
        cache.Load(heartbeat, committedJoules: 25);

        Assert.True(cache.TryGet("device-1", out var state));
        Assert.Equal(0, state.EnergyRemainingJoules);
    }

    [Fact]
    public void Update_PastMaxDevices_DropsTheLongestCachedTenth()
    {
        var cache = Cache(maxDevices: 20, maxAgeSeconds: 3_600);
        for (var i = 0; i < 21; i++)
        {
            cache.Update(TestMessages.Heartbeat($"device-{i}"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(18, cache.Count);
        Assert.False(cache.TryGet("device-0", out _));
        Assert.False(cache.TryGet("device-2", out _));
        Assert.True(cache.TryGet("device-3", out _));
        Assert.True(cache.TryGet("device-20", out _));
    }

    [Fact]
    public void Update_ManyDevicesFromManyThreads_NeverExceedsMaxDevicesForLong()
    {
        var cache = Cache(maxDevices: 1_000, maxAgeSeconds: 3_600);

        Parallel.For(0, 20_000, i => cache.Update(TestMessages.Heartbeat($"device-{i}")));

        Assert.InRange(cache.Count, 1, 1_000);
    }

    private DeviceStateCache Cache(int maxDevices, double maxAgeSeconds) =>
        new(_clock, Microsoft.Extensions.Options.Options.Create(new DecisionOptions { DeviceStateMaxDevices = maxDevices, DeviceStateMaxAgeSeconds = maxAgeSeconds }));

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
