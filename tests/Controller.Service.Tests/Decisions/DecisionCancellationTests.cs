using Controller.Offloading.Placement;
using Controller.Service.Decisions;
using Controller.Service.Options;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Controller.Service.Tests.Decisions;

/// <summary>
/// Once the policy has chosen, the decision is recorded, committed and answered even if the caller gives up: a
/// cancellation between the durable write and the energy commitment would leave a decision on record whose energy no
/// replica counts (and the retried request would get it back without counting it either).
/// </summary>
public sealed class DecisionCancellationTests
{
    [Fact]
    public async Task Decide_CallerCancelsAfterThePolicyRan_DecisionIsRecordedAndItsEnergyCommitted()
    {
        using var caller = new CancellationTokenSource();
        await using var host = await ControllerTestHost.StartAsync(services: s => s.AddSingleton<IPlacementPolicy>(sp =>
            new CancellingPolicy(new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0 }), caller)));
        var device = $"cancel-{Guid.NewGuid():N}";
        var lookup = host.Services.GetRequiredService<DeviceStateLookup>();
        await lookup.FindAsync(device, CancellationToken.None);

        var decision = await host.Services.GetRequiredService<DecisionService>().DecideAsync(TestMessages.Request(device), caller.Token);

        var stored = await host.QueryAsync(db => db.Decisions.SingleAsync(d => d.DecisionId == decision.DecisionId));
        var unknownJoules = host.Services.GetRequiredService<IOptions<DecisionOptions>>().Value.UnknownDeviceEnergyJoules;
        Assert.True(caller.IsCancellationRequested);
        Assert.Equal(unknownJoules - stored.ExpectedEnergyJoules, (await lookup.FindAsync(device, CancellationToken.None)).EnergyRemainingJoules, 9);
    }

    /// <summary>The baseline, but the caller cancels the moment it has chosen.</summary>
    private sealed class CancellingPolicy(IPlacementPolicy inner, CancellationTokenSource caller) : IPlacementPolicy
    {
        public string Name => inner.Name;

        public string Version => inner.Version;

        public string Algorithm => inner.Algorithm;

        public PlacementChoice Decide(PlacementContext context, Random random)
        {
            var choice = inner.Decide(context, random);
            caller.Cancel();
            return choice;
        }
    }
}
