using Controller.Contracts;
using Controller.Service.Decisions;
using Controller.Service.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Controller.Testing;

/// <summary>
/// A heartbeat and an outcome each delivered twice to a running controller, whatever the transport: both copies are
/// consumed (waited for, not slept on), and every side effect happens once — the stored rows, the device's energy
/// ledger and the ingestion metrics.
/// </summary>
public static class RedeliveryScenario
{
    /// <param name="publish">Publishes a message the way an agent does on this transport.</param>
    /// <param name="decide">Asks for a placement the way an agent does on this transport.</param>
    public static async Task RunAsync(ControllerTestHost host, Func<object, Task> publish, Func<RequestPlacement, Task<PlacementDecided>> decide)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentNullException.ThrowIfNull(decide);
        var bus = host.Services.GetRequiredService<IBus>();
        var metrics = host.Services.GetRequiredService<DecisionMetrics>();
        var device = $"redelivery-{Guid.NewGuid():N}";
        var heartbeat = TestMessages.Heartbeat(device) with { SentAt = DateTimeOffset.UtcNow.AddSeconds(-1), EnergyBudgetRemainingJoules = 1_000 };
        using var heartbeats = new ConsumedMessages<HeartbeatReported>(bus, h => h.HeartbeatId == heartbeat.HeartbeatId);
        var before = (metrics.HeartbeatsStored, metrics.DuplicateHeartbeats, metrics.OutcomesStored, metrics.DuplicateOutcomes);

        await publish(heartbeat);
        await publish(heartbeat);
        await heartbeats.WaitForAsync(2);
        var decision = await decide(TestMessages.Request(device));
        var outcome = TestMessages.Outcome(decision, device) with { DeviceEnergyJoules = 40 };
        using var outcomes = new ConsumedMessages<OutcomeReported>(bus, o => o.DecisionId == decision.DecisionId);
        await publish(outcome);
        await publish(outcome);
        await outcomes.WaitForAsync(2);

        Assert.Equal(1, await host.QueryAsync(db => db.Heartbeats.CountAsync(h => h.HeartbeatId == heartbeat.HeartbeatId)));
        Assert.Equal(1, await host.QueryAsync(db => db.Outcomes.CountAsync(o => o.DecisionId == decision.DecisionId)));
        Assert.Equal(
            (before.HeartbeatsStored + 1, before.DuplicateHeartbeats + 1, before.OutcomesStored + 1, before.DuplicateOutcomes + 1),
            (metrics.HeartbeatsStored, metrics.DuplicateHeartbeats, metrics.OutcomesStored, metrics.DuplicateOutcomes));
        var state = await host.Services.GetRequiredService<DeviceStateLookup>().FindAsync(device, CancellationToken.None);
        Assert.Equal(1_000 - 40, state.EnergyRemainingJoules, 6);
    }
}
