using System.Text.Json;
using Controller.Cli.Tests.Jobs;

namespace Controller.Cli.Tests;

public sealed class EdgeCloudCommandTests
{
    [Fact]
    public async Task TrainThenEvaluate_TinyEdgeCloudRun_WritesBundleReportsAndJsonTable()
    {
        var work = Path.Combine(Path.GetTempPath(), $"edge-cloud-cli-{Guid.NewGuid():N}");
        try
        {
            var policy = Path.Combine(work, "policies", "tiny");
            var train = await CliProcess.RunAsync(
                TimeSpan.FromMinutes(2),
                "train", "--env", "edge-cloud", "--algo", "rc-ppo", "--steps", "300", "--seed", "0", "--network", "lte,poor-cell", "--out", policy);
            Assert.True(train.ExitCode == 0, train.StandardOutput + train.StandardError);
            foreach (var file in new[] { "manifest.json", "learning_curve.csv", "edge-cloud.json" })
            {
                Assert.True(File.Exists(Path.Combine(policy, "seed-0", file)), file);
            }

            Assert.Contains("\"draftActions\": \"RelativeToPlanner\"", File.ReadAllText(Path.Combine(policy, "seed-0", "edge-cloud.json")), StringComparison.Ordinal);

            var results = Path.Combine(work, "results");
            var evaluate = await CliProcess.RunAsync(
                TimeSpan.FromMinutes(2),
                "evaluate", "--env", "edge-cloud", "--network", "lte,poor-cell", "--policy", policy, "--baselines", "fixed-4,analytic,local",
                "--seeds", "0-1", "--devices-per-seed", "2", "--windows", "1", "--out", results, "--json");
            Assert.True(evaluate.ExitCode == 0, evaluate.StandardOutput + evaluate.StandardError);

            using var table = JsonDocument.Parse(evaluate.LastLine);
            var methods = table.RootElement.GetProperty("methods").EnumerateArray().ToList();
            Assert.Equal(["RC-PPO (tiny)", "Fixed k=4", "Analytic k* (FlexSpec-like)", "Local only"], methods.Select(m => m.GetProperty("method").GetString()));
            foreach (var method in methods)
            {
                var metrics = method.GetProperty("metrics");
                Assert.True(metrics.GetProperty("qw_tokens_per_s").GetProperty("mean").GetDouble() > 0);
                Assert.True(metrics.GetProperty("energy_j_per_token").GetProperty("mean").GetDouble() > 0);
                Assert.Equal(2, method.GetProperty("seeds").GetInt32());
            }

            var fixedK = methods[1].GetProperty("meanDraftLengthByNetwork");
            Assert.True(fixedK.EnumerateObject().All(n => n.Name is "lte" or "poor-cell"));
            Assert.Contains("over_slo_budget_share", evaluate.LastLine, StringComparison.Ordinal);
            Assert.Contains("same settings as this evaluation", File.ReadAllText(Path.Combine(results, "results.md")), StringComparison.Ordinal);
            Assert.Contains("k grows with RTT", File.ReadAllText(Path.Combine(results, "sanity.md")), StringComparison.Ordinal);
            foreach (var file in new[] { "results.csv", "draft_lengths.csv", "results.json", "results.md", "sanity.md", "rate_vs_energy.svg", "rate_vs_spend.svg", "learning_curves.svg" })
            {
                Assert.True(File.Exists(Path.Combine(results, file)), file);
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Evaluate_EdgeCloudFeasibilityOff_ReportsNoFeasibilityColumns()
    {
        var results = Path.Combine(Path.GetTempPath(), $"edge-cloud-nofeas-{Guid.NewGuid():N}");
        try
        {
            var evaluate = await CliProcess.RunAsync(TimeSpan.FromMinutes(2), "evaluate", "--env", "edge-cloud", "--feasibility", "off",
                "--baselines", "analytic", "--seeds", "0", "--devices-per-seed", "1", "--windows", "1", "--out", results, "--json");
            Assert.True(evaluate.ExitCode == 0, evaluate.StandardOutput + evaluate.StandardError);

            Assert.DoesNotContain("infeasible_share", evaluate.LastLine, StringComparison.Ordinal);
            Assert.Contains("\"windowsJudged\":false", evaluate.LastLine, StringComparison.Ordinal);
            Assert.Contains("over_any_budget_share", evaluate.LastLine, StringComparison.Ordinal);
            Assert.DoesNotContain("Infeasible windows", File.ReadAllText(Path.Combine(results, "results.md")), StringComparison.Ordinal);
            Assert.DoesNotContain("infeasible_share", File.ReadAllText(Path.Combine(results, "results.csv")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("--network", "moon-link", "--network")]
    [InlineData("--device", "toaster-9000", "--device")]
    [InlineData("--budget-energy", "0", "--budget-energy")]
    [InlineData("--budget-spend", "-1", "--budget-spend")]
    [InlineData("--slo-ms", "0", "--slo-ms")]
    [InlineData("--slo-misses", "-2", "--slo-misses")]
    [InlineData("--max-draft", "40", "--max-draft")]
    [InlineData("--thermal", "warm", "--thermal")]
    [InlineData("--baselines", "fixed-3", "fixed-3")]
    [InlineData("--windows", "0", "--windows")]
    [InlineData("--feasibility", "maybe", "--feasibility")]
    public async Task Evaluate_EdgeCloudBadOption_FailsNamingIt(string option, string value, string named)
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "evaluate", "--env", "edge-cloud", "--seeds", "0", "--devices-per-seed", "1", "--windows", "1",
            "--out", Path.Combine(Path.GetTempPath(), $"edge-cloud-bad-{Guid.NewGuid():N}"), option, value);

        TrainEvaluateBadInputTests.AssertBadInput(result, named);
    }

    [Theory]
    [InlineData("--draft-actions", "sideways", "--draft-actions")]
    [InlineData("--planner-prior", "-1", "--planner-prior")]
    [InlineData("--planner-prior", "NaN", "--planner-prior")]
    [InlineData("--planner-prior", "1e39", "--planner-prior")]
    [InlineData("--planner-prior", "strong", "strong")]
    [InlineData("--budget-energy", "-5", "--budget-energy")]
    [InlineData("--network", "moon-link", "--network")]
    public async Task Train_EdgeCloudBadOption_FailsNamingItAndWritesNothing(string option, string value, string named)
    {
        var output = Path.Combine(Path.GetTempPath(), $"edge-cloud-bad-{Guid.NewGuid():N}");
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "train", "--env", "edge-cloud", "--steps", "10", option, value, "--out", output);

        TrainEvaluateBadInputTests.AssertBadInput(result, named);
        Assert.False(Directory.Exists(output), "nothing may be written for a bad option");
    }

    [Fact]
    public async Task Evaluate_EdgeCloudPolicyDirectoryMissing_FailsNamingIt()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "evaluate", "--env", "edge-cloud", "--seeds", "0", "--policy", "/no/such/policy-dir");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("/no/such/policy-dir", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }
}
