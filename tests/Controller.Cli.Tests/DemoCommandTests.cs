using System.Text.Json;

namespace Controller.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_EmbeddedDefaults_EveryDecisionGetsItsOutcome()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(2), "demo", "--agents", "3", "--duration", "4s", "--json");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        using var summary = JsonDocument.Parse(result.LastLine);
        var decisions = summary.RootElement.GetProperty("decisions").GetInt64();
        var outcomes = summary.RootElement.GetProperty("outcomes").GetInt64();
        Assert.True(decisions > 0, result.LastLine);
        Assert.Equal(decisions, outcomes);
        Assert.Equal(decisions, summary.RootElement.GetProperty("outcomesJoinedToDecisions").GetInt64());
        Assert.True(summary.RootElement.GetProperty("decisionLatencyP99Us").GetDouble() > 0, result.LastLine);
        Assert.True(summary.RootElement.GetProperty("heartbeats").GetInt64() > 0, result.LastLine);
    }

    [Theory]
    [InlineData("--duration", "soon")]
    [InlineData("--duration", "-3s")]
    [InlineData("--agents", "0")]
    [InlineData("--agents", "many")]
    public async Task Demo_BadOption_ExitsNonZeroNamingIt(string option, string value)
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "demo", option, value);

        Assert.NotEqual(0, result.ExitCode);
        var output = result.StandardOutput + result.StandardError;
        Assert.True(output.Contains(option, StringComparison.Ordinal) || output.Contains(value, StringComparison.Ordinal), output);
    }
}
