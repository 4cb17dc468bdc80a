using Controller.Contracts;
using Controller.Persistence;
using Controller.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Bus;

/// <summary>The consumers on the embedded (in-memory) transport; RabbitMQ behaviour is in the integration tests.</summary>
public sealed class InMemoryBusTests : IAsyncLifetime
{
    private ControllerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ControllerTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Heartbeat_Published_IsStored()
    {
        var heartbeat = TestMessages.Heartbeat("bus-device");
        await Bus.Publish(heartbeat);

        await _host.EventuallyAsync(async db => await db.Heartbeats.AnyAsync(h => h.HeartbeatId == heartbeat.HeartbeatId));
    }

    [Fact]
    public async Task Placement_Requested_AnsweredAndLogged()
    {
        var request = TestMessages.Request();
        var client = Bus.CreateRequestClient<RequestPlacement>();
        var response = await client.GetResponse<PlacementDecided>(request);

        Assert.Equal(request.RequestId, response.Message.RequestId);
        await _host.EventuallyAsync(async db => await db.Decisions.AnyAsync(d => d.DecisionId == response.Message.DecisionId));
    }

    [Fact]
    public async Task Placement_Invalid_FaultNamesFieldAndConsumerKeepsServing()
    {
        var client = Bus.CreateRequestClient<RequestPlacement>();
        var bad = TestMessages.Request() with { ExpectedOutputTokens = -1 };

        var fault = await Assert.ThrowsAsync<RequestFaultException>(() => client.GetResponse<PlacementDecided>(bad));
        Assert.Contains("expectedOutputTokens", fault.Fault!.Exceptions[0].Message, StringComparison.Ordinal);

        var good = await client.GetResponse<PlacementDecided>(TestMessages.Request());
        Assert.NotEqual(Guid.Empty, good.Message.DecisionId);
        Assert.Equal(1, await _host.QueryAsync(db => db.Decisions.CountAsync()));
    }

    [Fact]
    public async Task Heartbeat_Invalid_NotStoredAndNextOneIs()
    {
        // One message at a time, so the bad heartbeat has been handled by the time the good one is stored.
        await using var serial = await ControllerTestHost.StartAsync(new Dictionary<string, string?> { ["Bus:ConcurrentMessageLimit"] = "1" });
        var bus = serial.Services.GetRequiredService<IBus>();
        // MassTransit cannot even serialize NaN; an out-of-range value is the publishable kind of bad.
        var bad = TestMessages.Heartbeat() with { BatteryPercent = 250 };
        var good = TestMessages.Heartbeat();
        await bus.Publish(bad);
        await bus.Publish(good);

        await serial.EventuallyAsync(async db => await db.Heartbeats.AnyAsync(h => h.HeartbeatId == good.HeartbeatId));
        Assert.False(await serial.QueryAsync(db => db.Heartbeats.AnyAsync(h => h.HeartbeatId == bad.HeartbeatId)));
        Assert.Equal(1, await serial.QueryAsync(db => db.Heartbeats.CountAsync()));
    }

    [Fact]
    public async Task HeartbeatAndOutcome_Redelivered_EachConsumedTwiceWithEverySideEffectOnce()
    {
        var client = Bus.CreateRequestClient<RequestPlacement>();
        await RedeliveryScenario.RunAsync(
            _host,
            message => Bus.Publish(message),
            async request => (await client.GetResponse<PlacementDecided>(request)).Message);
    }

    private IBus Bus => _host.Services.GetRequiredService<IBus>();

}
