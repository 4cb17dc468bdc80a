namespace Controller.Cli.Tests;

public sealed class TracesCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"traces-cli-{Guid.NewGuid():N}");

    public TracesCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Generate_SamePresetAndSeedTwice_ByteIdenticalAndShowSummarises()
    {
        string a = Path.Combine(_dir, "a.csv");
        string b = Path.Combine(_dir, "b.csv");

        var first = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "traces", "generate", "--preset", "lte", "--seconds", "120", "--seed", "7", "--out", a);
        var second = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "traces", "generate", "--preset", "lte", "--seconds", "120", "--seed", "7", "--out", b);
        var show = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "traces", "show", a);

        Assert.True(first.ExitCode == 0, first.StandardOutput + first.StandardError);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.True(File.Exists(Path.ChangeExtension(a, ".json")));
        Assert.Equal(121, File.ReadAllLines(a).Length);
        Assert.True(show.ExitCode == 0, show.StandardOutput + show.StandardError);
        Assert.Contains("120 rows", show.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("uplink_mbps", show.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seconds", "-5", "--preset", "lte")]
    [InlineData("--step", "0", "--preset", "lte")]
    [InlineData("--preset", "carrier-pigeon", "--seed", "1")]
    public async Task Generate_BadOption_ExitsTwoNamingIt(string option, string value, string other, string otherValue)
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1),
            "traces", "generate", option, value, other, otherValue, "--out", Path.Combine(_dir, "x.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task Show_MalformedFile_ExitsTwoNamingLineAndField()
    {
        string path = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(path, "time_s,uplink_mbps,downlink_mbps,rtt_ms,link_up\n0,5,20,50,1\n1,5,20,slow,1\n");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "traces", "show", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}:3: field 'rtt_ms'", result.StandardError, StringComparison.Ordinal);
    }
}
