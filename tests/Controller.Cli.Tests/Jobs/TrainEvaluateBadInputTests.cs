namespace Controller.Cli.Tests.Jobs;

/// <summary>
/// Bad input to <c>train</c> and <c>evaluate</c> exits 2 with one line naming the option or file, before any
/// training or evaluation starts, and writes nothing.
/// </summary>
public sealed class TrainEvaluateBadInputTests : IDisposable
{
    // A tiny synthetic problem: generated in milliseconds, so every case fails (or would run) fast.
    private static readonly string[] TinySynthetic = ["--env", "synthetic", "--dialogues", "20", "--turns", "4"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tmo-bad-input-{Guid.NewGuid():N}");

    public TrainEvaluateBadInputTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Evaluate_MalformedDatasetJson_ExitsTwoNamingTheFile()
    {
        var dataset = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(dataset, "[{\"id\": 1, \"image_paths\": [");
        var output = Path.Combine(_dir, "results");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "evaluate", "--env", "m4a1", "--dataset", dataset, "--seeds", "0", "--out", output);

        AssertBadInput(result, dataset);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--network", "moon-link", "--network")]
    [InlineData("--baselines", "local,teleport", "--baselines")]
    [InlineData("--seeds", "3-x", "--seeds")]
    [InlineData("--seeds", "5-2", "--seeds")]
    [InlineData("--budget-latency", "-1", "--budget-latency")]
    [InlineData("--budget-usage", "0", "--budget-usage")]
    [InlineData("--reward-weights", "1,2", "--reward-weights")]
    [InlineData("--device", "toaster-9000", "--device")]
    [InlineData("--policy", "/no/such/policy-dir", "/no/such/policy-dir")]
    public async Task Evaluate_BadOption_ExitsTwoNamingItAndWritesNothing(string option, string value, string named)
    {
        var output = Path.Combine(_dir, "results");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), ["evaluate", .. TinySynthetic, "--baselines", "local", "--seeds", "0", "--out", output, option, value]);

        AssertBadInput(result, named);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--steps", "0", "--steps")]
    [InlineData("--seeds", "0-x", "--seeds")]
    [InlineData("--seed", "-4", "--seed")]
    [InlineData("--budget-latency", "-1", "--budget-latency")]
    [InlineData("--dialogues", "1", "--dialogues")]
    [InlineData("--turns", "0", "--turns")]
    [InlineData("--algo", "sarsa", "--algo")]
    [InlineData("--backend", "pytorch", "--backend")]
    [InlineData("--network", "moon-link", "--network")]
    [InlineData("--planner-prior", "3", "--planner-prior applies only to --env edge-cloud")]
    [InlineData("--draft-actions", "absolute", "--draft-actions applies only to --env edge-cloud")]
    [InlineData("--budget-energy", "1500", "--budget-energy applies only to --env edge-cloud")]
    public async Task Train_BadOption_ExitsTwoNamingItAndWritesNothing(string option, string value, string named)
    {
        var output = Path.Combine(_dir, "policy");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), ["train", .. TinySynthetic, "--steps", "300", "--out", output, option, value]);

        AssertBadInput(result, named);
        Assert.False(Directory.Exists(output));
    }

    [M4A1Fact]
    public async Task Train_LatencyBudgetLocalOverrunsOnLongestDialogue_ExitsTwoNamingTheFeasibleMinimum()
    {
        var output = Path.Combine(_dir, "policy");

        // M4A1's longest dialogue has 5 turns and the Raspberry Pi 4B takes 1.126 s per local call: 5.63 s.
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1),
            "train", "--env", "m4a1", "--dataset", M4A1Dataset.Path, "--device", "raspberry-pi-4b", "--budget-latency", "5", "--out", output);

        AssertBadInput(result, "--budget-latency");
        Assert.Contains("at least 5.63 s", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Train_UsageBudgetLocalOverrunsOnLongestDialogue_ExitsTwoNamingIt()
    {
        var output = Path.Combine(_dir, "policy");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), ["train", .. TinySynthetic, "--budget-usage", "1e-12", "--out", output]);

        AssertBadInput(result, "--budget-usage");
        Assert.Contains("infeasible", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Train_OutputAlreadyHoldsASeedBundle_ExitsTwoBeforeTrainingAndLeavesItUntouched()
    {
        var output = Path.Combine(_dir, "policy");
        var existing = Path.Combine(output, "seed-2");
        Directory.CreateDirectory(existing);
        var manifest = Path.Combine(existing, "manifest.json");
        await File.WriteAllTextAsync(manifest, "{\"name\": \"earlier run\"}");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), ["train", .. TinySynthetic, "--algo", "rc-ppo", "--steps", "300", "--seeds", "0-3", "--out", output]);

        AssertBadInput(result, existing);
        Assert.Equal("{\"name\": \"earlier run\"}", await File.ReadAllTextAsync(manifest));
        Assert.Equal([existing], Directory.GetDirectories(output));
    }

    /// <summary>Exit 2, one line on standard error naming <paramref name="named"/>, and no crash report anywhere.</summary>
    internal static void AssertBadInput(CliProcess.Result result, string named)
    {
        var everything = result.StandardOutput + result.StandardError;
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{everything}");
        Assert.Contains(named, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain("Unhandled exception", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", everything, StringComparison.Ordinal);
    }
}
