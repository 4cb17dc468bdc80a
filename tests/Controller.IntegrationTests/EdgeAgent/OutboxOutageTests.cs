using System.Diagnostics;
using Controller.Contracts;
using Controller.EdgeAgent.Clients;
using Controller.EdgeAgent.Outbox;
using Controller.IntegrationTests.Messaging;
using Controller.Testing;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Controller.IntegrationTests.EdgeAgent;

/// <summary>
/// An agent whose AMQP connection runs through a proxy the test cuts for a stretch mid-run: the telemetry it produces
/// meanwhile waits in its SQLite outbox and, once the broker is reachable again, reaches the controller's PostgreSQL
/// exactly once, including a message already delivered before the cut that the outbox sends again.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class OutboxOutageTests(RabbitMqControllerFixture fixture) : IClassFixture<RabbitMqControllerFixture>, IAsyncLifetime
{
    /// <summary>How long the broker stays unreachable. The scenario is 20 s; 4 s keeps the suite fast and is
    /// already several of MassTransit's reconnect attempts and the outbox's back-off steps.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    private readonly string _outboxPath = Path.Combine(Path.GetTempPath(), "outbox-it", Guid.NewGuid().ToString("N"), "outbox.db");
    private CuttableTcpProxy _proxy = null!;
    private IBusControl _agentBus = null!;
    private SqliteOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        var broker = RabbitMqTestSettings.Endpoint;
        _proxy = new CuttableTcpProxy(broker.Host, broker.Port);
        var viaProxy = new UriBuilder(broker.Uri) { Host = "127.0.0.1", Port = _proxy.Port }.Uri;
        _agentBus = await RabbitMqAgentBus.StartAsync(viaProxy, CancellationToken.None);
        _outbox = await SqliteOutbox.OpenAsync(_outboxPath, capacity: 10_000);
    }

    public async Task DisposeAsync()
    {
        _proxy.Restore();
        await _agentBus.StopAsync();
        await _outbox.DisposeAsync();
        await _proxy.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Outcomes_BrokerUnreachableMidRun_EveryOneStoredExactlyOnceAfterReconnect()
    {
        var device = $"outage-{Guid.NewGuid():N}";
        var bus = new BusControllerClient(_agentBus, TimeSpan.FromSeconds(30));
        var options = new OutboxOptions
        {
            SendTimeout = TimeSpan.FromSeconds(1),
            RetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(100),
        };
        var dispatcher = new OutboxDispatcher(_outbox, bus, options, TimeProvider.System);
        var agent = new OutboxControllerClient(bus, _outbox, dispatcher, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var sending = dispatcher.RunAsync(stop.Token);

        // Before the outage: decisions for every request the run will report on, and the first outcomes delivered.
        var decisions = new List<PlacementDecided>();
        for (var i = 0; i < 12; i++)
        {
            decisions.Add(await agent.RequestPlacementAsync(TestMessages.Request(device), CancellationToken.None));
        }

        var before = decisions[..4].Select(d => TestMessages.Outcome(d, device)).ToList();
        foreach (var outcome in before)
        {
            await agent.ReportOutcomeAsync(outcome, CancellationToken.None);
        }

        await fixture.Host.EventuallyAsync(db => db.Outcomes.CountAsync(o => o.DeviceId == device).ContinueWith(t => t.Result == 4));

        // The outage: every outcome and heartbeat produced now goes to the outbox only.
        _proxy.Cut();
        var cutAt = Stopwatch.GetTimestamp();
        var during = decisions[4..].Select(d => TestMessages.Outcome(d, device)).ToList();
        var heartbeats = new List<HeartbeatReported>();
        foreach (var outcome in during)
        {
            await agent.ReportOutcomeAsync(outcome, CancellationToken.None);
            var heartbeat = TestMessages.Heartbeat(device);
            heartbeats.Add(heartbeat);
            await agent.SendHeartbeatAsync(heartbeat, CancellationToken.None);
        }

        // The first outcome again, as an agent that crashed after sending it but before deleting its row would.
        await agent.ReportOutcomeAsync(before[0], CancellationToken.None);
        var remaining = Outage - Stopwatch.GetElapsedTime(cutAt);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }

        Assert.True(dispatcher.Disconnected);
        Assert.Equal(during.Count + heartbeats.Count + 1, (await _outbox.CountersAsync()).Pending);
        Assert.Equal(4, await fixture.Host.QueryAsync(db => db.Outcomes.CountAsync(o => o.DeviceId == device)));
        Assert.Equal(0, await fixture.Host.QueryAsync(db => db.Heartbeats.CountAsync(h => h.DeviceId == device)));

        _proxy.Restore();
        await fixture.Host.EventuallyAsync(
            db => db.Heartbeats.CountAsync(h => h.DeviceId == device).ContinueWith(t => t.Result == heartbeats.Count), seconds: 60);
        Assert.True(await dispatcher.FlushAsync(TimeSpan.FromSeconds(30)));
        await stop.CancelAsync();
        await sending;

        var stored = await fixture.Host.QueryAsync(db => db.Outcomes.Where(o => o.DeviceId == device).Select(o => o.DecisionId).ToListAsync());
        Assert.Equal(decisions.Select(d => d.DecisionId).Order(), stored.Order());
        var storedHeartbeats = await fixture.Host.QueryAsync(db => db.Heartbeats.Where(h => h.DeviceId == device).Select(h => h.HeartbeatId).ToListAsync());
        Assert.Equal(heartbeats.Select(h => h.HeartbeatId).Order(), storedHeartbeats.Order());
        Assert.Equal(new OutboxCounters(0, 0, 0), await _outbox.CountersAsync());
        Assert.True(_proxy.Refused > 0, "the agent never tried to reconnect during the outage");
    }
}
