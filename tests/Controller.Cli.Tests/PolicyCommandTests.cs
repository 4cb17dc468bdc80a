using System.CommandLine;
using System.Text.Json;
using Controller.Cli.Commands;
using Controller.Service.Policies;
using Controller.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Cli.Tests;

/// <summary>
/// <c>controller policy</c> against a real SQLite store. The lifecycle runs in-process with the spec-checking loader
/// (the executable runs the real learned-policy loader); bad input runs the real executable.
/// </summary>
public sealed class PolicyCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"policy-cli-{Guid.NewGuid():N}");

    public PolicyCommandTests() => Directory.CreateDirectory(_dir);

    private string Database => $"Data Source={Path.Combine(_dir, "controller.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Policy_RegisterCanaryPromoteRollback_EveryStepRecordedAndListed()
    {
        var v1 = WriteBundle("v1");
        var v2 = WriteBundle("v2");

        Assert.Equal(0, (await RunAsync("register", v1, "--by", "alice", "--reason", "trained")).Exit);
        Assert.Equal(0, (await RunAsync("register", v2, "--by", "alice", "--reason", "trained")).Exit);
        var refused = await RunAsync("canary", "rc-ppo", "v1", "--by", "alice", "--reason", "try");
        var canary = await RunAsync("canary", "rc-ppo", "v1", "--by", "alice", "--reason", "no OPE yet", "--override");
        var promote1 = await RunAsync("promote", "rc-ppo", "v1", "--by", "alice", "--reason", "canary fine", "--override");
        var promote2 = await RunAsync("promote", "rc-ppo", "v2", "--by", "bob", "--reason", "newer", "--override");
        var rollback = await RunAsync("rollback", "rc-ppo", "v2", "--by", "bob", "--reason", "reward fell");
        var list = await RunAsync("list", "--json");
        var show = await RunAsync("show", "rc-ppo", "v2", "--json");
        var table = await RunAsync("show", "rc-ppo", "v2");

        Assert.Equal(2, refused.Exit);
        Assert.Contains("promotion gate refused rc-ppo/v1", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--override --by NAME --reason TEXT", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, canary.Exit);
        Assert.Equal(0, promote1.Exit);
        Assert.Contains("rc-ppo/v1 retired", promote2.Output, StringComparison.Ordinal);
        Assert.Contains("rc-ppo/v1 active again", rollback.Output, StringComparison.Ordinal);
        using var listed = JsonDocument.Parse(list.Output);
        var statuses = listed.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("version").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("Active", statuses["v1"]);
        Assert.Equal("RolledBack", statuses["v2"]);
        using var shown = JsonDocument.Parse(show.Output);
        var history = shown.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Candidate", "Active", "RolledBack"], history.Select(h => h.GetProperty("to").GetString()));
        Assert.True(history[1].GetProperty("gateOverridden").GetBoolean());
        Assert.Equal("bob", history[1].GetProperty("by").GetString());
        Assert.Equal(64, shown.RootElement.GetProperty("bundle").GetProperty("sha256").GetString()!.Length);
        Assert.Contains("reward fell", table.Output, StringComparison.Ordinal);
        Assert.Contains("RolledBack", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_IncompatibleBundle_ExitsTwoWithReasonAndListsNothing()
    {
        var (manifest, weights) = TestBundles.Build("rc-ppo", "odd", features: ["x", "y", "z"]);
        var directory = Path.Combine(_dir, "odd");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, "manifest.json"), manifest);
        await File.WriteAllBytesAsync(Path.Combine(directory, "weights.safetensors"), weights);

        var result = await RunAsync("register", directory, "--by", "alice", "--reason", "try");
        var list = await RunAsync("list", "--json");

        Assert.Equal(2, result.Exit);
        Assert.Contains("cannot serve here: observation features [x, y, z]", result.Error, StringComparison.Ordinal);
        Assert.Equal("[]", list.Output.Trim());
    }

    [Theory]
    [InlineData("--store", "policy", "list", "--store", "Oracle")]
    [InlineData("--by", "policy", "promote", "rc-ppo", "v1", "--reason", "x")]
    public async Task Policy_BadOption_ExitsTwoNamingIt(string option, params string[] args)
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), [.. args, "--connection-string", Database]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task Register_ExecutableWithRealLoader_RefusesBundleOfAnotherProblem()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "policy", "register", WriteBundle("v1"), "--by", "a", "--reason", "b", "--connection-string", Database);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain(BundleLoaderAccess.Missing, result.StandardError, StringComparison.Ordinal);
        Assert.Contains("cannot serve here: the manifest has no problem.name", result.StandardError, StringComparison.Ordinal);
    }

    private string WriteBundle(string version)
    {
        var (manifest, weights) = TestBundles.Build("rc-ppo", version);
        var directory = Path.Combine(_dir, version);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "manifest.json"), manifest);
        File.WriteAllBytes(Path.Combine(directory, "weights.safetensors"), weights);
        return directory;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { PolicyCommand.Create(output, error, s => s.AddSingleton<IPolicyBundleLoader, SpecCheckingLoader>()) };
        var exit = await root.Parse(["policy", .. args, "--connection-string", Database]).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }
}
