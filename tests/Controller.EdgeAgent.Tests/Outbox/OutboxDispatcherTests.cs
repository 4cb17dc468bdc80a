using System.Text.Json;
using Controller.Contracts;
using Controller.EdgeAgent.Outbox;
using Controller.Testing;
using Microsoft.Data.Sqlite;

namespace Controller.EdgeAgent.Tests.Outbox;

public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private static readonly OutboxOptions Fast = new()
    {
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(40),
        PollInterval = TimeSpan.FromMilliseconds(20),
        SendTimeout = TimeSpan.FromSeconds(2),
        BatchSize = 4,
    };

    private readonly string _path = Path.Combine(Path.GetTempPath(), "outbox-tests", Guid.NewGuid().ToString("N"), "outbox.db");
    private readonly ScriptedTransport _transport = new();
    private SqliteOutbox _outbox = null!;
    private OutboxDispatcher _dispatcher = null!;
    private OutboxControllerClient _client = null!;

    public async Task InitializeAsync()
    {
        _outbox = await SqliteOutbox.OpenAsync(_path, capacity: 1_000);
        _dispatcher = new OutboxDispatcher(_outbox, _transport, Fast, TimeProvider.System);
        _client = new OutboxControllerClient(_transport, _outbox, _dispatcher, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _outbox.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private static OutcomeReported Outcome() =>
        TestMessages.Outcome(new PlacementDecided
        {
            SchemaVersion = SchemaVersions.Current,
            DecisionId = Guid.NewGuid(),
            RequestId = Guid.NewGuid(),
            Location = Location.Local,
            UploadModalityIds = [],
            DraftLength = 0,
            Propensity = 1,
            PolicyName = "test",
            PolicyVersion = "1",
            DecidedAt = DateTimeOffset.UtcNow,
            ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1),
        });

    [Fact]
    public async Task Run_TransportDownThenUp_EveryMessageDeliveredOnceInQueueOrder()
    {
        _transport.Down = true;
        using var stop = new CancellationTokenSource();
        var loop = _dispatcher.RunAsync(stop.Token);
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var outcome = Outcome();
            ids.Add(outcome.DecisionId);
            await _client.ReportOutcomeAsync(outcome, CancellationToken.None);
            var heartbeat = TestMessages.Heartbeat();
            ids.Add(heartbeat.HeartbeatId);
            await _client.SendHeartbeatAsync(heartbeat, CancellationToken.None);
        }

        await WaitUntil(() => _transport.Attempts >= 3);
        Assert.Empty(_transport.Accepted);
        Assert.True(_dispatcher.Disconnected);
        Assert.Equal(40, (await _outbox.CountersAsync()).Pending);

        _transport.Down = false;
        // Disconnected clears on the pass that finds the queue empty, which may come just after the last accept.
        await WaitUntil(() => _transport.Accepted.Count == 40 && !_dispatcher.Disconnected);
        await stop.CancelAsync();
        await loop;

        Assert.Equal(ids, _transport.Accepted);
        Assert.Equal(0, (await _outbox.CountersAsync()).Pending);
    }

    [Fact]
    public async Task Flush_RefusedAndCorruptMessages_QuarantinedOthersDelivered()
    {
        var refused = Outcome();
        _transport.Refuse.Add(refused.DecisionId);
        var good = Outcome();
        await _client.ReportOutcomeAsync(refused, CancellationToken.None);
        await _outbox.EnqueueAsync(OutboxKind.Heartbeat, Guid.NewGuid(), "{\"not\": \"a heartbeat\"", DateTimeOffset.UtcNow);
        await _outbox.EnqueueAsync(OutboxKind.Outcome, Guid.NewGuid(), "null", DateTimeOffset.UtcNow);
        await _client.ReportOutcomeAsync(good, CancellationToken.None);

        Assert.True(await _dispatcher.FlushAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal([good.DecisionId], _transport.Accepted);
        var quarantined = await _outbox.QuarantinedAsync();
        Assert.Equal(3, quarantined.Count);
        Assert.Contains("deviceId", quarantined[0].Reason, StringComparison.Ordinal);
        Assert.Equal(new OutboxCounters(0, 0, 3), await _outbox.CountersAsync());
    }

    [Fact]
    public async Task Flush_TransportStaysDown_ReturnsFalseAndKeepsTheMessages()
    {
        _transport.Down = true;
        await _client.ReportOutcomeAsync(Outcome(), CancellationToken.None);

        Assert.False(await _dispatcher.FlushAsync(TimeSpan.FromMilliseconds(200)));

        Assert.Equal(1, (await _outbox.CountersAsync()).Pending);
    }

    [Fact]
    public async Task Flush_DeliveredButNotYetDeleted_SentAgainForTheControllerToDeduplicate()
    {
        // A crash between the transport's acknowledgement and the row's deletion: the row is still there on restart.
        var outcome = Outcome();
        await _client.ReportOutcomeAsync(outcome, CancellationToken.None);
        await _transport.ReportOutcomeAsync(outcome, CancellationToken.None);

        Assert.True(await _dispatcher.FlushAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal([outcome.DecisionId, outcome.DecisionId], _transport.Accepted);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(10);
        }
    }
}
