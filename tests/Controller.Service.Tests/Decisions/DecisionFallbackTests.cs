using System.Net.Http.Json;
using Controller.Contracts;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Service.Decisions;
using Controller.Service.Metrics;
using Controller.Service.Tests.Policies;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Decisions;

/// <summary>A learned policy in the decision path: its observation and mask are logged, and its fallbacks are logged and counted.</summary>
public sealed class DecisionFallbackTests
{
    [Fact]
    public async Task Decide_LearnedPolicyUnknownDeviceThenKnown_FallbackLoggedAndCountedThenObservationLogged()
    {
        await using var host = await ControllerTestHost.StartAsync(services: s =>
            s.AddSingleton<IPlacementPolicy>(LearnedPlacementPolicyTests.Create(explorationFloor: 0.05)));

        (await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request(), ContractJson.Options)).EnsureSuccessStatusCode();
        var heartbeat = TestMessages.Heartbeat() with { SentAt = DateTimeOffset.UtcNow.AddSeconds(-1) };
        (await host.Http.PostAsJsonAsync("v1/heartbeats", heartbeat, ContractJson.Options)).EnsureSuccessStatusCode();
        (await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request(), ContractJson.Options)).EnsureSuccessStatusCode();

        var rows = await host.QueryAsync(db => db.Decisions.OrderBy(d => d.DecidedAt).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Contains("heartbeat", rows[0].FallbackReason);
        Assert.Null(rows[0].Observation);
        Assert.Null(rows[1].FallbackReason);
        var observation = DecisionVectors.ReadObservation(rows[1].Observation);
        Assert.Equal(EdgeCloudObservation.Size, observation.Length);
        Assert.All(observation, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(CompositeActionSpace.Get(EdgeCloudProblem.ModalitySlots, 8).Count, rows[1].ActionMask!.Length);
        Assert.Equal(1, rows[1].ActionMask![0]);
        Assert.Equal(1, host.Services.GetRequiredService<DecisionMetrics>().Fallbacks);
        Assert.Equal("test-policy", rows[1].PolicyName);
    }

    [Fact]
    public void ReadObservation_TruncatedBlob_ArgumentExceptionNamingTheLength()
    {
        var error = Assert.Throws<ArgumentException>(() => DecisionVectors.ReadObservation(new byte[7]));

        Assert.Contains("7 bytes", error.Message);
    }
}
