using System.Text.Json;

namespace Controller.Cli.Tests.Jobs;

/// <summary>
/// <c>train --backend torchsharp</c> end to end: the CLI builds and loads the TorchSharp backend, trains the same run as
/// the managed backend (same seed, two rollouts), writes the same bundle format, and <c>evaluate</c> serves that bundle.
/// </summary>
public sealed class TrainBackendTests : IDisposable
{
    private static readonly string[] TinySynthetic = ["--env", "synthetic", "--modalities", "3", "--tasks", "4", "--turns", "4", "--dialogues", "20"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tmo-backend-{Guid.NewGuid():N}");

    public TrainBackendTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Train_TorchSharpBackend_SameSeedMatchesManagedAndTheBundleServes()
    {
        var managed = await Train("managed");
        var torch = await Train("torchsharp");

        Assert.Contains("torchsharp backend: LibTorch", torch.Output, StringComparison.Ordinal);
        var (managedMetrics, torchMetrics) = (Metrics(managed.Policy), Metrics(torch.Policy));
        Assert.Equal(4096, torchMetrics["time/total_timesteps"]);

        // Two rollouts of 2048 steps: the second acts with weights the backends trained, which agree to float32 rounding
        // (measured: the same episode reward to every digit); 0.05 is the same-seed bar of LearningCurveTests.
        foreach (var key in new[] { "rollout/episode_reward", "rollout/episode_latency_s", "rollout/episode_usage_usd" })
        {
            Assert.True(Math.Abs(managedMetrics[key] - torchMetrics[key]) <= 0.05 * Math.Abs(managedMetrics[key]), $"{key}: managed {managedMetrics[key]}, torchsharp {torchMetrics[key]}");
        }

        var results = Path.Combine(_dir, "results");
        var evaluate = await CliProcess.RunAsync(TimeSpan.FromMinutes(2),
            ["evaluate", .. TinySynthetic, "--policy", torch.Policy, "--baselines", "local", "--seeds", "0", "--out", results, "--json"]);
        Assert.True(evaluate.ExitCode == 0, evaluate.StandardOutput + evaluate.StandardError);
        using var table = JsonDocument.Parse(evaluate.LastLine);
        Assert.Contains("RC-PPO (torchsharp)", table.RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()));
    }

    private async Task<(string Policy, string Output)> Train(string backend)
    {
        var policy = Path.Combine(_dir, backend);
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(5),
            ["train", .. TinySynthetic, "--algo", "rc-ppo", "--steps", "4096", "--seed", "0", "--out", policy, "--backend", backend]);
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        return (policy, result.StandardOutput);
    }

    private static Dictionary<string, double> Metrics(string policy)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(policy, "seed-0", "manifest.json")));
        return manifest.RootElement.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }
}
