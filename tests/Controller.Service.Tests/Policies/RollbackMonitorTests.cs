using System.Net.Http.Json;
using Controller.Contracts;
using Controller.Persistence.Entities;
using Controller.Service.Policies;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Policies;

public sealed class RollbackMonitorTests
{
    [Fact]
    public async Task Check_DegradedCanary_RolledBackAndRecordedByTheMonitor()
    {
        await using var host = await StartAsync();
        await host.RegisterAsync("rc-ppo", "degraded-1");
        Assert.True((await host.Registry().CanaryAsync("rc-ppo", "degraded-1", "tester", "try", RegistryHost.Override, CancellationToken.None)).Result.Changed);
        await host.RefreshAsync();
        await PlayAsync(host, devices: 160);

        var reason = await host.Services.GetRequiredService<RollbackMonitor>().CheckAsync(CancellationToken.None);

        Assert.NotNull(reason);
        var policy = await host.QueryAsync(db => db.Policies.SingleAsync(p => p.Version == "degraded-1"));
        Assert.Equal(PolicyStatus.RolledBack, policy.Status);
        var change = await host.QueryAsync(db => db.PolicyHistory.SingleAsync(h => h.Version == "degraded-1" && h.ToStatus == PolicyStatus.RolledBack));
        Assert.Equal(RollbackMonitor.Actor, change.ChangedBy);
        Assert.Contains("Welch", change.Reason + reason, StringComparison.Ordinal);
        var after = await DecideAsync(host, "device-after");
        Assert.NotEqual("degraded-1", after.PolicyVersion);
    }

    [Fact]
    public async Task Check_DegradedVersionPromoted_RolledBackAndThePreviousRestoredAndServed()
    {
        await using var host = await StartAsync();
        await PlayAsync(host, devices: 40);
        await host.RegisterAsync("rc-ppo", "degraded-2");
        Assert.True((await host.Registry().PromoteAsync("rc-ppo", "degraded-2", "tester", "ship", RegistryHost.Override, CancellationToken.None)).Result.Changed);
        await host.RefreshAsync();
        await PlayAsync(host, devices: 40);

        var reason = await host.Services.GetRequiredService<RollbackMonitor>().CheckAsync(CancellationToken.None);

        Assert.NotNull(reason);
        var active = await host.QueryAsync(db => db.Policies.SingleAsync(p => p.Status == PolicyStatus.Active));
        Assert.Equal("baseline-greedy", active.Name);
        Assert.Equal(active.Name, (await DecideAsync(host, "device-after")).PolicyName);
    }

    [Fact]
    public async Task Check_HealthyCanary_Kept()
    {
        await using var host = await StartAsync();
        await host.RegisterAsync("rc-ppo", "good-1");
        Assert.True((await host.Registry().CanaryAsync("rc-ppo", "good-1", "tester", "try", RegistryHost.Override, CancellationToken.None)).Result.Changed);
        await host.RefreshAsync();
        await PlayAsync(host, devices: 160);

        var reason = await host.Services.GetRequiredService<RollbackMonitor>().CheckAsync(CancellationToken.None);

        Assert.Null(reason);
        Assert.Equal(PolicyStatus.Canary, (await host.QueryAsync(db => db.Policies.SingleAsync(p => p.Version == "good-1"))).Status);
    }

    private static Task<ControllerTestHost> StartAsync() =>
        ControllerTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Policies:CanaryShare"] = "0.5",
                ["Policies:PollIntervalSeconds"] = "3600",
                ["Policies:RollbackCheckIntervalSeconds"] = "3600",
                ["Policies:RollbackMinimumSample"] = "30",
            },
            services => services.AddSingleton<IPolicyBundleLoader, SpecCheckingLoader>());

    /// <summary>
    /// A world in which running locally is slow: the request's 20 s SLO is missed three times over and quality is low;
    /// remote runs finish in a quarter of the SLO. Every decision gets such an outcome.
    /// </summary>
    private static async Task PlayAsync(ControllerTestHost host, int devices)
    {
        for (var i = 0; i < devices; i++)
        {
            var device = $"device-{Guid.NewGuid():N}";
            var decision = await DecideAsync(host, device);
            var local = decision.Location == Location.Local;
            var outcome = TestMessages.Outcome(decision, device) with
            {
                TotalLatencyMs = local ? 60_000 : 5_000,
                QualityScore = local ? 0.3 : 0.9,
            };
            using var response = await host.Http.PostAsJsonAsync("v1/outcomes", outcome, ContractJson.Options);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private static async Task<PlacementDecided> DecideAsync(ControllerTestHost host, string device)
    {
        using var response = await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request(device), ContractJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!;
    }
}
