using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Controller.Contracts;
using Controller.Learning.Policies;
using Controller.Offloading.Placement;
using Controller.Service.Decisions;
using Controller.Service.Metrics;
using Controller.Service.Options;
using Controller.Service.Policies;
using Controller.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Metrics;

/// <summary><c>GET /metrics</c> serves the operator series, with values the traffic before it produced.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterDecisionsHeartbeatAndOutcome_ServesEverySeriesWithItsCounts()
    {
        await using var host = await ControllerTestHost.StartAsync();
        await host.Http.PostAsJsonAsync("v1/heartbeats", TestMessages.Heartbeat("device-m"), ContractJson.Options);
        var decided = new List<PlacementDecided>();
        for (var turn = 0; turn < 3; turn++)
        {
            using var answer = await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request("device-m", turn: turn), ContractJson.Options);
            decided.Add((await answer.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!);
        }

        using var outcome = await host.Http.PostAsJsonAsync("v1/outcomes", TestMessages.Outcome(decided[0], "device-m"), ContractJson.Options);
        Assert.True(outcome.IsSuccessStatusCode, outcome.StatusCode.ToString());
        host.Services.GetRequiredService<OperatorMetrics>().RecordFallback("rc-ppo", "bundle-missing");
        host.Services.GetRequiredService<OperatorMetrics>().ShowActivePolicy(Manifest(("latency", 0.75), ("cost", 1.5)));

        var text = await host.Http.GetStringAsync("metrics");

        Assert.Equal(3, Value(text, "controller_decision_duration_seconds_count"));
        Assert.Equal(3, decided.GroupBy(d => d.Location).Sum(g => Value(text, $"controller_decisions_total{{location=\"{g.Key}\",policy=\"{decided[0].PolicyName}\"}}")));
        Assert.Equal(1, Value(text, "controller_ingestion_lag_seconds_count{kind=\"heartbeat\"}"));
        Assert.Equal(1, Value(text, "controller_ingestion_lag_seconds_count{kind=\"outcome\"}"));
        Assert.Equal(1, Value(text, "controller_policy_fallbacks_total{policy=\"rc-ppo\",reason=\"bundle-missing\"}"));
        Assert.True(Value(text, "controller_budget_committed_energy_joules_total") > 0);
        Assert.Contains("controller_budget_committed_usd_total", text, StringComparison.Ordinal);
        Assert.Contains("controller_budget_reported_usd_total", text, StringComparison.Ordinal);
        Assert.Equal(0, Value(text, "controller_dialogue_ledger_conflicts_total")); // one replica: its turns never race
        Assert.Equal(0.75, Value(text, "controller_policy_lagrange_multiplier{policy=\"rc-ppo-test\",version=\"3\",constraint=\"latency\"}"));
        Assert.Equal(1.5, Value(text, "controller_policy_lagrange_multiplier{policy=\"rc-ppo-test\",version=\"3\",constraint=\"cost\"}"));
    }

    [Fact]
    public async Task ShowActivePolicy_NextPolicyWithoutConstraints_PreviousMultipliersGone()
    {
        var metrics = new OperatorMetrics();
        metrics.ShowActivePolicy(Manifest(("latency", 0.75)));

        metrics.ShowActivePolicy(Manifest());

        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        Assert.DoesNotContain("constraint=\"latency\"", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_ShippedLearnedPolicyThenRule_GaugeShowsItsConstraintsThenNone()
    {
        var metrics = new OperatorMetrics();
        var active = new ActivePolicy(metrics);
        var loader = new LearnedPolicyLoader(Microsoft.Extensions.Options.Options.Create(new DecisionOptions()));
        var learned = loader.Load(PolicyBundleStore.Load(InitialPolicy.DefaultBundleDirectory));

        active.Activate(learned);
        var withLearned = await Exported(metrics);
        active.Activate(new GreedyBudgetPolicy(new GreedyBudgetOptions()));
        var withRule = await Exported(metrics);

        foreach (var cost in new[] { "energy", "spend", "slo" })
        {
            Assert.Contains($"constraint=\"{cost}\"", withLearned, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("constraint=\"", withRule, StringComparison.Ordinal);
    }

    private static async Task<string> Exported(OperatorMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    // Only the name, version and constraints are read by the gauge; the specs a loader needs are left out.
    private static PolicyManifest Manifest(params (string Name, double Multiplier)[] constraints) => new()
    {
        Name = "rc-ppo-test",
        Version = "3",
        Algorithm = "RC-PPO",
        Hyperparameters = new Dictionary<string, JsonElement>(),
        Observation = null!,
        Actions = null!,
        Network = null!,
        Constraints = [.. constraints.Select(c => new ConstraintRecord(c.Name, 1, c.Multiplier))],
    };

    /// <summary>The value of the sample line that starts with <paramref name="series"/> (name and labels exactly).</summary>
    private static double Value(string text, string series)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no sample '{series}' in:\n{text}");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
