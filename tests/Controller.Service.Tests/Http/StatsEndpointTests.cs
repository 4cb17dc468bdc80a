using System.Net.Http.Json;
using System.Text.Json;
using Controller.Contracts;
using Controller.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Http;

/// <summary><c>GET /v1/stats</c> counts the tables at most once per <c>Stats:RefreshSeconds</c>, however often it is polled.</summary>
public sealed class StatsEndpointTests
{
    [Fact]
    public async Task Stats_PolledWithinTheRefreshInterval_AnswersFromTheLastCountThenRecounts()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await ControllerTestHost.StartAsync(
            new Dictionary<string, string?> { ["Stats:RefreshSeconds"] = "5" },
            services => services.AddSingleton<TimeProvider>(clock));
        Assert.Equal(0, await HeartbeatsCountedAsync(host));

        (await host.Http.PostAsJsonAsync("v1/heartbeats", TestMessages.Heartbeat(), ContractJson.Options)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromSeconds(4));
        var cached = await HeartbeatsCountedAsync(host);
        clock.Advance(TimeSpan.FromSeconds(2));
        var recounted = await HeartbeatsCountedAsync(host);

        Assert.Equal(0, cached);
        Assert.Equal(1, recounted);
    }

    private static async Task<long> HeartbeatsCountedAsync(ControllerTestHost host)
    {
        using var document = JsonDocument.Parse(await host.Http.GetStringAsync("v1/stats"));
        return document.RootElement.GetProperty("counts").GetProperty("heartbeats").GetInt64();
    }
}
