using System.Collections.Concurrent;
using System.Net.Http.Json;
using Controller.Contracts;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;

namespace Controller.Service.Tests.Policies;

public sealed class HotSwapTests
{
    [Fact]
    public async Task HotSwap_ManyCallersWhileVersionsAreSwapped_NoRequestFailsAndEveryDecisionNamesItsVersion()
    {
        await using var host = await RegistryHost.StartAsync();
        var versions = Enumerable.Range(1, 4).Select(i => $"v{i}").ToList();
        foreach (var version in versions)
        {
            await host.RegisterAsync("rc-ppo", version);
        }

        using var stop = new CancellationTokenSource();
        var answers = new ConcurrentBag<PlacementDecided>();
        var failures = new ConcurrentBag<string>();
        var callers = Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested || i < 5; i++)
            {
                using var response = await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request($"device-{c}-{i}"), ContractJson.Options);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                answers.Add((await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!);
            }
        })).ToList();

        foreach (var version in versions)
        {
            var promoted = await host.Registry().PromoteAsync("rc-ppo", version, "tester", "swap", RegistryHost.Override, CancellationToken.None);
            Assert.True(promoted.Result.Changed, promoted.Result.Refusal);
            await host.RefreshAsync();
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await Task.WhenAll(callers);

        Assert.Empty(failures);
        var logged = await host.QueryAsync(db => db.Decisions.ToDictionaryAsync(d => d.DecisionId));
        Assert.Equal(answers.Count, logged.Count);
        Assert.All(answers, a => Assert.Equal((a.PolicyName, a.PolicyVersion), (logged[a.DecisionId].PolicyName, logged[a.DecisionId].PolicyVersion)));
        var seen = answers.Where(a => a.PolicyName == "rc-ppo").Select(a => a.PolicyVersion).ToHashSet();
        Assert.Contains("v4", seen);
        Assert.True(seen.Count >= 2, $"decisions named only {string.Join(", ", seen)}; the swaps happened under load");
        var last = await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request("device-after"), ContractJson.Options);
        Assert.Equal("v4", (await last.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!.PolicyVersion);
    }
}
