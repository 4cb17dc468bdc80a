namespace Controller.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task BenchOpe_OneReplication_ExitsTwoNamingTheOption()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "bench", "ope", "--replications", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--replications must be at least 2", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchOpe_ThreeReplications_PrintsEveryEstimatorAndOutcomeWithCoverage()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(2), "bench", "ope", "--replications", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        foreach (var cell in new[] { "Ips", "SelfNormalizedIps", "DoublyRobust", "reward", "energy_j", "cloud_usd", "latency_ms", "coverage", "ε-greedy 0.05" })
        {
            Assert.Contains(cell, result.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("\"explorative.DoublyRobust.reward.coverage\":", result.StandardOutput, StringComparison.Ordinal);
    }
}
