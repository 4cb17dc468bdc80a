using System.Text.Json;

namespace Controller.Cli.Tests.Jobs;

public sealed class TrainEvaluateCommandTests
{
    [Fact]
    public async Task TrainThenEvaluate_TinySyntheticRun_WritesBundleAndPrintsJsonTable()
    {
        var work = Path.Combine(Path.GetTempPath(), $"tmo-cli-{Guid.NewGuid():N}");
        try
        {
            var policy = Path.Combine(work, "policies", "tiny");
            var train = await CliProcess.RunAsync(
                TimeSpan.FromMinutes(2),
                "train", "--env", "synthetic", "--modalities", "3", "--tasks", "4", "--turns", "4", "--dialogues", "20",
                "--algo", "rc-ppo", "--steps", "300", "--seed", "0", "--out", policy);
            Assert.True(train.ExitCode == 0, train.StandardOutput + train.StandardError);
            Assert.True(File.Exists(Path.Combine(policy, "seed-0", "manifest.json")));
            Assert.True(File.Exists(Path.Combine(policy, "seed-0", "learning_curve.csv")));

            var results = Path.Combine(work, "results");
            var evaluate = await CliProcess.RunAsync(
                TimeSpan.FromMinutes(2),
                "evaluate", "--env", "synthetic", "--modalities", "3", "--tasks", "4", "--turns", "4", "--dialogues", "20",
                "--policy", policy, "--baselines", "local,greedy,oracle", "--seeds", "0", "--out", results, "--json");
            Assert.True(evaluate.ExitCode == 0, evaluate.StandardOutput + evaluate.StandardError);

            using var table = JsonDocument.Parse(evaluate.LastLine);
            var methods = table.RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()).ToList();
            Assert.Equal(["RC-PPO (tiny)", "Local", "Greedy", "Oracle"], methods);
            foreach (var file in new[] { "results.csv", "results.json", "results.md", "reward_vs_usage.svg", "reward_vs_latency.svg", "learning_curves.svg" })
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
    public async Task Evaluate_MissingDataset_FailsNamingTheFile()
    {
        var output = Path.Combine(Path.GetTempPath(), $"tmo-cli-missing-{Guid.NewGuid():N}");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "evaluate", "--env", "m4a1", "--dataset", "/no/such/M4A1.json", "--seeds", "0", "--out", output);

        TrainEvaluateBadInputTests.AssertBadInput(result, "/no/such/M4A1.json");
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Train_MissingDataset_FailsNamingTheFile()
    {
        var output = Path.Combine(Path.GetTempPath(), $"tmo-cli-missing-{Guid.NewGuid():N}");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "train", "--env", "m4a1", "--dataset", "/no/such/M4A1.json", "--out", output);

        TrainEvaluateBadInputTests.AssertBadInput(result, "/no/such/M4A1.json");
        Assert.False(Directory.Exists(output));
    }
}
