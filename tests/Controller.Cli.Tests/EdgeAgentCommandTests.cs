using System.Text.RegularExpressions;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;

namespace Controller.Cli.Tests;

public sealed partial class EdgeAgentCommandTests
{
    [Fact]
    public async Task EdgeAgent_SigtermWhileRunning_FlushesOutboxAndEveryHeartbeatIsStored()
    {
        await using var host = await ControllerTestHost.StartAsync();
        using var scratch = new ScratchDirectory("edge-agent");
        var device = $"cli-{Guid.NewGuid():N}";

        var result = await CliProcess.RunThenTerminateAsync(TimeSpan.FromMinutes(2), "edge-agent: device", TimeSpan.FromSeconds(1),
            "edge-agent", $"--EdgeAgent:DeviceId={device}", $"--EdgeAgent:ControllerUrl={host.Http.BaseAddress}",
            "--EdgeAgent:HeartbeatSeconds=0.1", $"--EdgeAgent:OutboxPath={scratch.File("outbox.db")}");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        var stopped = StoppedLine().Match(result.StandardOutput);
        Assert.True(stopped.Success, result.StandardOutput);
        Assert.Equal("0", stopped.Groups["pending"].Value);
        var sent = int.Parse(stopped.Groups["sent"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(sent, 1, 1_000);
        Assert.Equal(sent, await host.QueryAsync(db => db.Heartbeats.CountAsync(h => h.DeviceId == device)));
    }

    [Theory]
    [InlineData("--EdgeAgent:DeviceId=", "EdgeAgent:DeviceId")]
    [InlineData("--EdgeAgent:DeviceClass=toaster", "EdgeAgent:DeviceClass 'toaster'")]
    [InlineData("--EdgeAgent:ControllerUrl=ftp://x", "EdgeAgent:ControllerUrl 'ftp://x'")]
    [InlineData("--EdgeAgent:HeartbeatSeconds=0", "EdgeAgent:HeartbeatSeconds")]
    [InlineData("--EdgeAgent:FlushTimeoutSeconds=600", "EdgeAgent:FlushTimeoutSeconds")]
    [InlineData("--EdgeAgent:OutboxCapacity=0", "EdgeAgent:Outbox:Capacity")]
    public async Task EdgeAgent_InvalidSetting_ExitsTwoNamingTheKey(string flag, string named)
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "edge-agent", "--EdgeAgent:DeviceId=d1", flag);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EdgeAgent_OutboxFileIsNotSqlite_ExitsTwoNamingItAndLeavesItAlone()
    {
        using var scratch = new ScratchDirectory("edge-agent");
        var path = scratch.File("outbox.db");
        var content = new string('x', 4096);
        await File.WriteAllTextAsync(path, content);

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "edge-agent", "--EdgeAgent:DeviceId=d1", $"--EdgeAgent:OutboxPath={path}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(path, result.StandardError, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(path));
    }

    [GeneratedRegex(@"stopped; sent (?<sent>\d+), pending (?<pending>\d+)")]
    private static partial Regex StoppedLine();
}
