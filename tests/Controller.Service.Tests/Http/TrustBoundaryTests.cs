using System.Net;
using System.Net.Http.Json;
using Controller.Contracts;
using Controller.Offloading.Placement;
using Controller.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Http;

/// <summary>
/// What one caller can learn about or do to another: a request id does not hand out another device's decision, errors
/// do not name other devices or carry exception text, and one device's dialogue budget is its own.
/// </summary>
public sealed class TrustBoundaryTests
{
    private const string Secret = "connection to 10.1.2.3 refused for user admin";

    [Theory]
    [InlineData("device-other", null)]
    [InlineData(null, "dialogue-other")]
    public async Task Placement_RequestIdRepeatedWithAnotherDeviceOrDialogue_Returns400WithoutTheDecision(string? device, string? dialogue)
    {
        await using var host = await ControllerTestHost.StartAsync();
        var original = TestMessages.Request("device-owner", "dialogue-owner");
        var decision = await DecideAsync(host, original);
        var repeat = original with { DeviceId = device ?? original.DeviceId, DialogueId = dialogue ?? original.DialogueId };

        using var response = await host.Http.PostAsJsonAsync("v1/placements", repeat, ContractJson.Options);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("requestId", body, StringComparison.Ordinal);
        Assert.DoesNotContain(decision.DecisionId.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("device-owner", body, StringComparison.Ordinal);
        Assert.Equal(1, await host.QueryAsync(db => db.Decisions.CountAsync()));
    }

    [Fact]
    public async Task Placement_RequestIdRepeatedBySameDeviceAndDialogue_GetsTheDecisionOnRecord()
    {
        await using var host = await ControllerTestHost.StartAsync();
        var request = TestMessages.Request();

        var first = await DecideAsync(host, request);
        var again = await DecideAsync(host, request);

        Assert.Equal(first.DecisionId, again.DecisionId);
    }

    [Fact]
    public async Task Outcome_FromAnotherDevice_ErrorDoesNotNameTheDecisionsDevice()
    {
        await using var host = await ControllerTestHost.StartAsync();
        var decision = await DecideAsync(host, TestMessages.Request("device-owner"));

        using var response = await host.Http.PostAsJsonAsync("v1/outcomes", TestMessages.Outcome(decision, "device-intruder"), ContractJson.Options);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("deviceId", body, StringComparison.Ordinal);
        Assert.DoesNotContain("device-owner", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placement_UnexpectedFailure_Returns500WithoutTheExceptionText()
    {
        await using var host = await ControllerTestHost.StartAsync(services: s => s.AddSingleton<IPlacementPolicy>(new FailingPolicy()));

        using var response = await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request(), ContractJson.Options);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FailingPolicy), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placement_UnexpectedFailureOverTheBus_FaultCarriesNoExceptionText()
    {
        await using var host = await ControllerTestHost.StartAsync(services: s => s.AddSingleton<IPlacementPolicy>(new FailingPolicy()));
        var client = host.Services.GetRequiredService<IBus>().CreateRequestClient<RequestPlacement>();

        var fault = await Assert.ThrowsAsync<RequestFaultException>(() => client.GetResponse<PlacementDecided>(TestMessages.Request()));

        var text = string.Join("\n", fault.Fault!.Exceptions.Select(e => $"{e.ExceptionType} {e.Message} {e.Source} {e.InnerException?.Message}"));
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_CheckThrows_ReportsUnhealthyWithoutTheExceptionText()
    {
        await using var host = await ControllerTestHost.StartAsync(services: s =>
            s.AddHealthChecks().AddCheck("failing", () => throw new InvalidOperationException(Secret)));

        using var response = await host.Http.GetAsync("health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"failing\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placement_TwoDevicesPickTheSameDialogueId_EachHasItsOwnBudget()
    {
        await using var host = await ControllerTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Decision:Epsilon"] = "0",
            ["Decision:DialogueCloudBudgetUsd"] = "0.005",
            ["Decision:UnknownDeviceEnergyJoules"] = "1000000",
        });
        const string dialogue = "dialogue-1";
        for (var turn = 0; turn < 4; turn++)
        {
            await DecideAsync(host, TestMessages.Request("device-a", dialogue, turn));
        }

        var first = await DecideAsync(host, TestMessages.Request("device-b", dialogue, 0));

        var costs = await host.QueryAsync(db => db.Decisions.Where(d => d.DeviceId == "device-a").OrderBy(d => d.Turn).Select(d => d.ExpectedCostUsd).ToListAsync());
        var bCost = await host.QueryAsync(db => db.Decisions.Where(d => d.DecisionId == first.DecisionId).Select(d => d.ExpectedCostUsd).SingleAsync());
        Assert.Equal(0, costs[^1]); // device A spent its budget ...
        Assert.Equal(costs[0], bCost, 12); // ... device B starts with a full one, as A did
    }

    private static async Task<PlacementDecided> DecideAsync(ControllerTestHost host, RequestPlacement request)
    {
        using var response = await host.Http.PostAsJsonAsync("v1/placements", request, ContractJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!;
    }

    private sealed class FailingPolicy : IPlacementPolicy
    {
        public string Name => "failing";

        public string Version => "1";

        public string Algorithm => "test";

        public PlacementChoice Decide(PlacementContext context, Random random) => throw new InvalidOperationException(Secret);
    }
}
