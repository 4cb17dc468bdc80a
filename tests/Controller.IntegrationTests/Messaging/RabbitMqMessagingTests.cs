using Controller.Contracts;
using Controller.EdgeAgent.Clients;
using Controller.Persistence;
using Controller.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.IntegrationTests.Messaging;

/// <summary>An agent on its own RabbitMQ connection talks to the controller; state lands in PostgreSQL.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqMessagingTests(RabbitMqControllerFixture fixture) : IClassFixture<RabbitMqControllerFixture>, IAsyncLifetime
{
    private IBusControl _agentBus = null!;

    public async Task InitializeAsync() => _agentBus = await RabbitMqAgentBus.StartAsync(RabbitMqTestSettings.Endpoint.Uri, CancellationToken.None);

    public async Task DisposeAsync() => await _agentBus.StopAsync();

    [Fact]
    public async Task Heartbeat_PublishedOverRabbitMq_StoredInPostgres()
    {
        var heartbeat = TestMessages.Heartbeat($"rmq-{Guid.NewGuid():N}");
        await _agentBus.Publish(heartbeat);

        await fixture.Host.EventuallyAsync(db => db.Heartbeats.AnyAsync(h => h.HeartbeatId == heartbeat.HeartbeatId));
        await fixture.Host.EventuallyAsync(db => db.Devices.AnyAsync(d => d.DeviceId == heartbeat.DeviceId));
    }

    [Fact]
    public async Task Placement_RequestedOverRabbitMq_GetsLoggedDecision()
    {
        var client = new BusControllerClient(_agentBus, TimeSpan.FromSeconds(30));
        var request = TestMessages.Request();

        var decision = await client.RequestPlacementAsync(request, CancellationToken.None);

        Assert.Equal(request.RequestId, decision.RequestId);
        var stored = await fixture.Host.QueryAsync(db => db.Decisions.SingleAsync(d => d.RequestId == request.RequestId));
        Assert.Equal(decision.DecisionId, stored.DecisionId);
        Assert.Equal(decision.Propensity, stored.Propensity);
        Assert.Equal(decision.PolicyVersion, stored.PolicyVersion);
    }

    [Fact]
    public async Task Placement_InvalidOverRabbitMq_FaultNamesField()
    {
        var client = new BusControllerClient(_agentBus, TimeSpan.FromSeconds(30));
        var bad = TestMessages.Request() with { LatencySloMs = -1 };

        var error = await Assert.ThrowsAsync<ControllerRejectedException>(() => client.RequestPlacementAsync(bad, CancellationToken.None));

        Assert.Contains("latencySloMs", error.Message, StringComparison.Ordinal);
        Assert.False(await fixture.Host.QueryAsync(db => db.Decisions.AnyAsync(d => d.RequestId == bad.RequestId)));
    }

    [Fact]
    public async Task HeartbeatAndOutcome_RedeliveredOverRabbitMq_EachConsumedTwiceWithEverySideEffectOnce()
    {
        var client = new BusControllerClient(_agentBus, TimeSpan.FromSeconds(30));
        await RedeliveryScenario.RunAsync(
            fixture.Host,
            message => _agentBus.Publish(message),
            request => client.RequestPlacementAsync(request, CancellationToken.None));
    }
}
