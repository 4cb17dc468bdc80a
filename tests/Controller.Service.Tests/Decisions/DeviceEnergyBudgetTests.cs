using System.Net.Http.Json;
using Controller.Contracts;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;

namespace Controller.Service.Tests.Decisions;

/// <summary>
/// The decision path subtracts the energy of decisions made since a device's last heartbeat from the energy that
/// heartbeat reported, and once nothing fits the baseline takes the action that overruns least (here the cheapest in
/// energy), not Local.
/// </summary>
public sealed class DeviceEnergyBudgetTests
{
    [Fact]
    public async Task Decide_ManyRequestsAfterOneHeartbeat_SpendTheReportedEnergyThenTakeTheLeastEnergyAction()
    {
        const double reportedJoules = 60;
        await using var host = await ControllerTestHost.StartAsync(new Dictionary<string, string?> { ["Decision:Epsilon"] = "0" });
        var heartbeat = TestMessages.Heartbeat() with { SentAt = DateTimeOffset.UtcNow.AddSeconds(-1), EnergyBudgetRemainingJoules = reportedJoules };
        (await host.Http.PostAsJsonAsync("v1/heartbeats", heartbeat, ContractJson.Options)).EnsureSuccessStatusCode();

        for (var i = 0; i < 10; i++)
        {
            (await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request(), ContractJson.Options)).EnsureSuccessStatusCode();
        }

        var energies = await host.QueryAsync(db => db.Decisions.OrderBy(d => d.DecidedAt).Select(d => d.ExpectedEnergyJoules).ToListAsync());
        var described = string.Join(", ", energies.Select(e => e.ToString("F1")));
        var fitting = 0;
        var committed = 0.0;
        while (fitting < energies.Count && committed + energies[fitting] <= reportedJoules)
        {
            committed += energies[fitting++];
        }

        // Without the subtraction every request would see the full 60 J and take the same best action.
        Assert.True(fitting is > 0 and < 10, $"the reported energy should last a few requests, not {fitting} of 10: {described}");
        Assert.True(reportedJoules - committed < energies.Min(), $"requests stopped fitting while {reportedJoules - committed:F1} J were left: {described}");
        Assert.All(energies.Skip(fitting), e => Assert.Equal(energies.Min(), e));
    }

    [Fact]
    public async Task Decide_AfterAnOutcomeReportingMoreEnergyThanExpected_SeesTheReportedUse()
    {
        await using var host = await ControllerTestHost.StartAsync(new Dictionary<string, string?> { ["Decision:Epsilon"] = "0" });
        var heartbeat = TestMessages.Heartbeat() with { SentAt = DateTimeOffset.UtcNow.AddSeconds(-1), EnergyBudgetRemainingJoules = 60 };
        (await host.Http.PostAsJsonAsync("v1/heartbeats", heartbeat, ContractJson.Options)).EnsureSuccessStatusCode();
        var first = await DecideAsync(host);

        // The first request really used 55 J, not the ≈ 12 J expected: 5 J are left, less than any action needs.
        var outcome = TestMessages.Outcome(first) with { DeviceEnergyJoules = 55 };
        (await host.Http.PostAsJsonAsync("v1/outcomes", outcome, ContractJson.Options)).EnsureSuccessStatusCode();
        await DecideAsync(host);

        var energies = await host.QueryAsync(db => db.Decisions.OrderBy(d => d.DecidedAt).Select(d => d.ExpectedEnergyJoules).ToListAsync());
        Assert.True(energies[1] < energies[0], $"after the outcome only the least-energy action should be taken: {energies[0]:F1} J then {energies[1]:F1} J");
    }

    private static async Task<PlacementDecided> DecideAsync(ControllerTestHost host)
    {
        using var response = await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request(), ContractJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!;
    }
}
