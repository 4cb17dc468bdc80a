using Controller.Contracts;
using Controller.EdgeAgent.Clients;
using Controller.EdgeAgent.Daemon;
using Controller.EdgeAgent.Outbox;
using Controller.EdgeAgent.Probes;
using Controller.Offloading.Devices;
using Controller.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Controller.IntegrationTests.EdgeAgent;

/// <summary>The daemon against a real controller over HTTP, on a device whose /proc and /sys are malformed.</summary>
public sealed class EdgeAgentDaemonTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edge-daemon-it", Guid.NewGuid().ToString("N"));
    private ControllerTestHost _controller = null!;

    public async Task InitializeAsync() => _controller = await ControllerTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _controller.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Run_MalformedProbesThenShutdown_EveryHeartbeatAcceptedAndOutboxFlushed()
    {
        var root = Path.Combine(_directory, "root");
        Directory.CreateDirectory(Path.Combine(root, "proc"));
        await File.WriteAllTextAsync(Path.Combine(root, "proc", "stat"), "cpu  not numbers at all\n");
        await File.WriteAllTextAsync(Path.Combine(root, "proc", "meminfo"), "MemTotal: -5 kB\nMemAvailable: lots\n");
        Directory.CreateDirectory(Path.Combine(root, "sys", "class", "thermal", "thermal_zone0", "temp"));
        await using var outbox = await SqliteOutbox.OpenAsync(Path.Combine(_directory, "outbox.db"), 1_000);
        var estimator = new NetworkEstimator();
        using var http = new HttpClient(new MeasuringHandler(estimator) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = _controller.Http.BaseAddress };
        var controller = new HttpControllerClient(http);
        var options = new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(50), RetryDelay = TimeSpan.FromMilliseconds(50) };
        var dispatcher = new OutboxDispatcher(outbox, controller, options, TimeProvider.System);
        var device = $"daemon-{Guid.NewGuid():N}";
        var composer = new HeartbeatComposer(device, DeviceProfiles.RaspberryPi5, NetworkType.Wired, new LinuxDeviceProbe(root), estimator, 1_500, TimeSpan.FromMinutes(10), TimeProvider.System);
        var daemon = new EdgeAgentDaemon(
            new OutboxControllerClient(controller, outbox, dispatcher, TimeProvider.System), dispatcher, composer,
            heartbeatInterval: TimeSpan.FromMilliseconds(50), flushTimeout: TimeSpan.FromSeconds(10), TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var running = daemon.RunAsync(stop.Token);
        // Heartbeats composed after the first exchange carry the round trip measured on it; on a loaded machine that
        // first exchange can take longer than any fixed run time, so the run lasts until one such heartbeat is stored.
        await _controller.EventuallyAsync(db => db.Heartbeats.AnyAsync(h => h.DeviceId == device && h.RttMs > 0), seconds: 60);
        await stop.CancelAsync();

        var flushed = await running;

        Assert.True(flushed);
        Assert.Equal(new OutboxCounters(0, 0, 0), await outbox.CountersAsync());
        var stored = await _controller.QueryAsync(db => db.Heartbeats.Where(h => h.DeviceId == device).ToListAsync());
        Assert.Equal(dispatcher.Sent, stored.Count);
        Assert.InRange(stored.Count, 2, 10_000);
        Assert.All(stored, h => Assert.Equal(DeviceProfiles.RaspberryPi5.MemoryMb, h.FreeMemoryMb));
    }
}
