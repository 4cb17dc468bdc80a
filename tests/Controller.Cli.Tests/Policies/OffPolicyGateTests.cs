using System.CommandLine;
using System.Text.Json;
using Controller.Cli.Commands;
using Controller.Training.OffPolicy;

namespace Controller.Cli.Tests.Policies;

/// <summary>
/// The off-policy promotion gate as <c>controller policy canary|evaluate</c> runs it: real SQLite store, real
/// learned-policy loader, real bundles, decisions logged by a known explorative policy (<see cref="GateScenario"/>).
/// </summary>
public sealed class OffPolicyGateTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"policy-gate-{Guid.NewGuid():N}");

    public OffPolicyGateTests() => Directory.CreateDirectory(_dir);

    private string Database => $"Data Source={Path.Combine(_dir, "controller.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Canary_HigherRewardButEnergyOverBudget_RefusedNamingEnergy()
    {
        await ArrangeAsync(learned: 600, baseline: 30);
        await RegisterAsync("hungry", "v1", GateScenario.Speculative);

        var result = await RunAsync("canary", "hungry", "v1", "--by", "alice", "--reason", "try");
        var evaluation = await RunAsync("evaluate", "hungry", "v1", "--json");

        Assert.Equal(2, result.Exit);
        Assert.Contains("promotion gate refused hungry/v1", result.Error, StringComparison.Ordinal);
        Assert.Contains($"cost {CostNames.EnergyJoules}: DoublyRobust upper bound", result.Error, StringComparison.Ordinal);
        Assert.Contains("skipped 30 without observation or mask", result.Error, StringComparison.Ordinal);
        var checks = Checks(evaluation.Output);
        Assert.True(checks["reward"].Passed, "its reward bound beats the logger's");
        Assert.False(checks[$"cost {CostNames.EnergyJoules}"].Passed);
        Assert.True(checks[$"cost {CostNames.EnergyJoules}"].Observed > checks[$"cost {CostNames.EnergyJoules}"].Threshold);
        Assert.True(checks[$"cost {CostNames.CloudUsd}"].Passed);
    }

    [Fact]
    public async Task Canary_ClearlyBetterFeasibleCandidate_Passes()
    {
        await ArrangeAsync(learned: 600, baseline: 30);
        await RegisterAsync("cloudy", "v1", GateScenario.Cloud);

        var result = await RunAsync("canary", "cloudy", "v1", "--by", "alice", "--reason", "better on the logs");
        var show = await RunAsync("show", "cloudy", "v1", "--json");

        Assert.Equal(0, result.Exit);
        Assert.Contains("cloudy/v1 is now Canary", result.Output, StringComparison.Ordinal);
        using var shown = JsonDocument.Parse(show.Output);
        var last = shown.RootElement.GetProperty("history").EnumerateArray().Last();
        Assert.False(last.GetProperty("gateOverridden").GetBoolean());
        Assert.Contains("gate passed: off-policy gate on cloudy@v1", last.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("reward: DoublyRobust lower bound", last.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Canary_TooFewUsableDecisions_RefusedWithCounts()
    {
        await ArrangeAsync(learned: 50, baseline: 30);
        await RegisterAsync("cloudy", "v1", GateScenario.Cloud);

        var canary = await RunAsync("canary", "cloudy", "v1", "--by", "alice", "--reason", "try");
        var evaluate = await RunAsync("evaluate", "cloudy", "v1");

        Assert.Equal(2, canary.Exit);
        Assert.Contains("50 usable logged decisions of 80; the gate needs at least 200", canary.Error, StringComparison.Ordinal);
        Assert.Equal(2, evaluate.Exit);
        Assert.Contains("50 usable logged decisions of 80", evaluate.Error, StringComparison.Ordinal);
        Assert.Single(evaluate.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Evaluate_SeededLog_PrintsEveryEstimatorAndExitsZero()
    {
        await ArrangeAsync(learned: 600, baseline: 30);
        await RegisterAsync("hungry", "v1", GateScenario.Speculative);

        var table = await RunAsync("evaluate", "hungry", "v1");
        var json = await RunAsync("evaluate", "hungry", "v1", "--json");

        Assert.Equal(0, table.Exit);
        foreach (var text in new[] { "Ips", "SelfNormalizedIps", "DoublyRobust", "effective sample size", "active: logger@v0", "gate (DoublyRobust): refuses", CostNames.LatencyMs })
        {
            Assert.Contains(text, table.Output, StringComparison.Ordinal);
        }

        Assert.Equal(0, json.Exit);
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal(600, root.GetProperty("decisions").GetInt32());
        var outcomes = root.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(["reward", .. CostNames.Service], outcomes.Select(o => o.GetProperty("outcome").GetString()));
        Assert.All(outcomes, o => Assert.Equal(3, o.GetProperty("estimates").GetArrayLength()));
        Assert.All(outcomes.SelectMany(o => o.GetProperty("estimates").EnumerateArray()),
            e => Assert.True(e.GetProperty("lower").GetDouble() <= e.GetProperty("value").GetDouble() && e.GetProperty("value").GetDouble() <= e.GetProperty("upper").GetDouble()));
        Assert.InRange(root.GetProperty("weights").GetProperty("effectiveSampleSize").GetDouble(), 30, 600);
    }

    [Fact]
    public async Task Evaluate_LogOfBaselineGreedyAlone_BaselineDecisionsUsable()
    {
        // A candidate over the baseline's K (16), so the baseline's propensities are ones in its action space, and with the
        // structural mask only, so every action the baseline draws is one the problem allows.
        var spec = GateScenario.Spec with
        {
            Problem = GateScenario.Spec.Problem with { MaxDraftLength = new Offloading.Placement.GreedyBudgetOptions().MaxDraftLength, MaskOverBudget = false },
        };
        await GateScenario.SeedBaselineAsync(Database, 300, spec.Problem);
        var registered = await RunAsync("register", GateScenario.WriteBundle(_dir, "sixteen", "v1", preferred: null, spec), "--by", "alice", "--reason", "trained");
        Assert.True(registered.Exit == 0, registered.Error);

        var json = await RunAsync("evaluate", "sixteen", "v1", "--json");

        Assert.True(json.Exit == 0, json.Error);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(300, document.RootElement.GetProperty("decisions").GetInt32());
    }

    [Fact]
    public async Task Evaluate_LogOfBaselineGreedyCandidateOfAnotherK_SkippedWithTheReasonCounted()
    {
        await GateScenario.SeedBaselineAsync(Database, 300, GateScenario.Spec.Problem);
        await RegisterAsync("two", "v1", preferred: null);

        var result = await RunAsync("evaluate", "two", "v1");

        Assert.Equal(2, result.Exit);
        Assert.Contains("0 usable logged decisions of 300", result.Error, StringComparison.Ordinal);
        Assert.Contains($"skipped 300 {Controller.Cli.Policies.GateLog.BaselineOtherSpace}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_UnknownVersion_ExitsTwoNamingIt()
    {
        await ArrangeAsync(learned: 10, baseline: 0);

        var result = await RunAsync("evaluate", "logger", "v9");

        Assert.Equal(2, result.Exit);
        Assert.Equal("controller policy evaluate: no policy logger/v9 is registered", result.Error.Trim());
    }

    /// <summary>Seeds the log and makes its logging policy, logger/v0 (uniform over the allowed actions), the active one.</summary>
    private async Task ArrangeAsync(int learned, int baseline)
    {
        await GateScenario.SeedAsync(Database, learned, baseline);
        await RegisterAsync("logger", "v0", preferred: null);
        var promoted = await RunAsync("promote", "logger", "v0", "--by", "setup", "--reason", "the logging policy", "--override");
        Assert.Equal(0, promoted.Exit);
    }

    private async Task RegisterAsync(string name, string version, int? preferred)
    {
        var registered = await RunAsync("register", GateScenario.WriteBundle(_dir, name, version, preferred), "--by", "alice", "--reason", "trained");
        Assert.True(registered.Exit == 0, registered.Error);
    }

    private static Dictionary<string, (bool Passed, double Observed, double Threshold)> Checks(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("gate").GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("passed").GetBoolean(), c.GetProperty("observed").GetDouble(), c.GetProperty("threshold").GetDouble()));
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { PolicyCommand.Create(output, error) };
        var exit = await root.Parse(["policy", .. args, "--connection-string", Database]).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }
}
