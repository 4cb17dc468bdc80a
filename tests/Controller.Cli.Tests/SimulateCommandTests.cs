using System.Text.Json;
using Controller.Persistence.Queries;
using Controller.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Cli.Tests;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_AgainstRunningControllerOverHttp_OutcomesJoinDecisions()
    {
        await using var host = await ControllerTestHost.StartAsync();

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(2),
            "simulate", "--controller-url", host.Http.BaseAddress!.ToString(), "--agents", "2", "--duration", "3s", "--interval", "10ms", "--json");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        using var summary = JsonDocument.Parse(result.LastLine);
        var decisions = summary.RootElement.GetProperty("decisions").GetInt64();
        Assert.True(decisions > 0, result.LastLine);
        var stored = await host.Services.GetRequiredService<StatsQuery>().GetAsync(CancellationToken.None);
        Assert.Equal(decisions, stored.Decisions);
        Assert.Equal(stored.Decisions, stored.OutcomesJoinedToDecisions);
    }

    [Fact]
    public async Task Simulate_ControllerUnreachable_AgentsFallBackWithoutCrashing()
    {
        // Port 9 (discard) on loopback has no listener here: every call is refused at once.
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1),
            "simulate", "--controller-url", "http://127.0.0.1:9", "--agents", "2", "--duration", "2s", "--interval", "50ms", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(result.LastLine);
        Assert.Equal(0, summary.RootElement.GetProperty("decisions").GetInt64());
        Assert.True(summary.RootElement.GetProperty("fallbacks").GetInt64() > 0, result.LastLine);
        Assert.Equal(summary.RootElement.GetProperty("requests").GetInt64(), summary.RootElement.GetProperty("fallbacks").GetInt64());
    }

    [Theory]
    [InlineData("--agents", "0")]
    [InlineData("--agents", "20000")]
    public async Task Simulate_BadAgentCount_ExitsNonZeroNamingIt(string option, string value)
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "simulate", "--controller-url", "http://127.0.0.1:9", option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(option, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--controller-url", "not a url")]
    [InlineData("--rabbitmq", "http://wrong-scheme")]
    public async Task Simulate_BadAddress_ExitsNonZeroNamingIt(string option, string value)
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "simulate", option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(value, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }
}
