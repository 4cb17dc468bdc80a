using System.Net.Http.Json;
using Controller.Contracts;
using Controller.Learning.Policies;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Service.Decisions;
using Controller.Service.Options;
using Controller.Service.Policies;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Controller.Service.Tests.Decisions;

/// <summary>
/// Decisions made by <c>baseline-greedy</c> carry the serving encoder's observation and mask under the shipped default
/// policy's problem, so off-policy evaluation can use a fleet that ran on the baseline.
/// </summary>
public sealed class BaselineObservationTests
{
    [Fact]
    public async Task Decide_BaselineWithHeartbeat_ObservationAndMaskOfTheServingEncoderLogged()
    {
        await using var host = await ControllerTestHost.StartAsync();
        var heartbeat = TestMessages.Heartbeat() with { SentAt = DateTimeOffset.UtcNow.AddSeconds(-1) };
        (await host.Http.PostAsJsonAsync("v1/heartbeats", heartbeat, ContractJson.Options)).EnsureSuccessStatusCode();
        var request = TestMessages.Request();
        // The state the decision reads: nothing committed yet, so it is the same just before.
        var state = await host.Services.GetRequiredService<DeviceStateLookup>().FindAsync(request.DeviceId, CancellationToken.None);

        (await host.Http.PostAsJsonAsync("v1/placements", request, ContractJson.Options)).EnsureSuccessStatusCode();

        var row = Assert.Single(await host.QueryAsync(db => db.Decisions.ToListAsync()));
        Assert.Equal(InitialPolicy.Baseline, row.PolicyName);
        var problem = EdgeCloudPolicySpec.FromManifest(PolicyBundleStore.Load(InitialPolicy.DefaultBundleDirectory).Manifest.Problem, out _)!.Problem;
        var options = host.Services.GetRequiredService<IOptions<DecisionOptions>>().Value;
        var context = new PlacementContext(request, state.Heartbeat,
            new BudgetState(options.DialogueLatencyBudgetMs, options.DialogueCloudBudgetUsd, state.EnergyRemainingJoules));
        var decision = EdgeCloudServingSituation.Create(context, problem, out _)!;
        var observation = new float[EdgeCloudObservation.Size];
        var mask = new bool[CompositeActionSpace.Get(EdgeCloudProblem.ModalitySlots, problem.MaxDraftLength).Count];
        EdgeCloudServingSituation.Write(decision, problem, observation, mask);
        Assert.Equal(DecisionVectors.Observation(observation), row.Observation);
        Assert.Equal(DecisionVectors.Mask(mask), row.ActionMask);
        Assert.Equal(observation.Select(BitConverter.SingleToInt32Bits), DecisionVectors.ReadObservation(row.Observation).Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public async Task Decide_BaselineWithoutHeartbeat_NoObservationOrMaskLogged()
    {
        await using var host = await ControllerTestHost.StartAsync();

        (await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request(), ContractJson.Options)).EnsureSuccessStatusCode();

        var row = Assert.Single(await host.QueryAsync(db => db.Decisions.ToListAsync()));
        Assert.Equal(InitialPolicy.Baseline, row.PolicyName);
        Assert.Null(row.Observation);
        Assert.Null(row.ActionMask);
    }
}
