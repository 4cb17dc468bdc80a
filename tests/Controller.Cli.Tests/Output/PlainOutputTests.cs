using Controller.Testing;

namespace Controller.Cli.Tests.Output;

/// <summary>
/// Every command run as in a script or CI (standard output and error redirected) writes plain text: no escape code
/// for colour, style or cursor movement, no progress bar, and tables on one line per row however wide they are.
/// </summary>
public sealed class PlainOutputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static TheoryData<string[]> HelpOfEveryCommand =>
    [
        ["--help"], ["demo", "--help"], ["serve", "--help"], ["simulate", "--help"], ["bench", "--help"], ["train", "--help"],
        ["evaluate", "--help"], ["traces", "--help"], ["traces", "generate", "--help"], ["traces", "show", "--help"],
    ];

    [Theory]
    [MemberData(nameof(HelpOfEveryCommand))]
    public async Task Help_RedirectedOutput_HasNoEscapeCodes(string[] args)
    {
        var result = await CliProcess.RunAsync(Timeout, args);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        AssertPlain(result);
    }

    [Fact]
    public async Task Demo_RedirectedOutput_HasNoEscapeCodesAndOneLinePerTableRow()
    {
        var result = await CliProcess.RunAsync(Timeout, "demo", "--agents", "2", "--duration", "2s");

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        AssertPlain(result);
        Assert.Equal(12, TableRows(result.StandardOutput).Count - 1); // a header and twelve measures
        Assert.Contains("2 simulated agents", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_RedirectedOutput_LogsPlainLinesWithoutSqlCommands()
    {
        using var work = new ScratchDirectory("serve-plain");

        var result = await CliProcess.RunUntilAsync(Timeout, "Now listening on", "serve", "--urls", "http://127.0.0.1:0", "--connection-string", $"Data Source={work.File("controller.db")}");

        AssertPlain(result);
        // serve starts with the shipped learned policy unless --policy says otherwise.
        Assert.Contains("Policy edge-cloud-rc-ppo-800 seed-0 (RC-PPO) is active", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PolicyBaselineGreedy_ServesTheRule()
    {
        using var work = new ScratchDirectory("serve-greedy");

        var result = await CliProcess.RunUntilAsync(Timeout, "Now listening on",
            "serve", "--urls", "http://127.0.0.1:0", "--connection-string", $"Data Source={work.File("controller.db")}", "--policy", "baseline-greedy");

        Assert.Contains("Policy baseline-greedy", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PolicyDirectoryWithoutBundle_FailsNamingDecisionPolicy()
    {
        using var work = new ScratchDirectory("serve-nobundle");

        var result = await CliProcess.RunAsync(Timeout, "serve", "--urls", "http://127.0.0.1:0", "--connection-string", $"Data Source={work.File("controller.db")}",
            "--policy", work.File("no-such-bundle"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Decision:Policy", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_SqlCommandLevelFlag_LogsTheMigrationsSql()
    {
        using var work = new ScratchDirectory("serve-sql");

        var result = await CliProcess.RunUntilAsync(Timeout, "Now listening on",
            "serve", "--urls", "http://127.0.0.1:0", "--connection-string", $"Data Source={work.File("controller.db")}",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");

        AssertPlain(result);
        Assert.Contains("Executed DbCommand", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_RedirectedOutput_HasNoEscapeCodes()
    {
        await using var host = await ControllerTestHost.StartAsync();

        var result = await CliProcess.RunAsync(Timeout, "simulate", "--controller-url", host.Http.BaseAddress!.ToString(), "--agents", "1", "--duration", "1s");

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        AssertPlain(result);
        Assert.Equal(9, TableRows(result.StandardOutput).Count - 1);
    }

    [Fact]
    public async Task Bench_RedirectedOutput_HasNoEscapeCodes()
    {
        var result = await CliProcess.RunAsync(Timeout, "bench", "decisions", "--duration", "100ms");

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        AssertPlain(result);
        Assert.Equal(4, TableRows(result.StandardOutput).Count - 1); // baseline-greedy, learned policy, decision path, bus
    }

    [Fact]
    public async Task TrainThenEvaluate_RedirectedOutput_PlainTablesAsWideAsTheirContent()
    {
        using var work = new ScratchDirectory("plain-output");

        var policy = work.File("policy");
        var train = await CliProcess.RunAsync(Timeout, "train", "--env", "synthetic", "--dialogues", "20", "--steps", "200", "--seeds", "0-1", "--out", policy);
        Assert.True(train.ExitCode == 0, train.StandardOutput + train.StandardError);
        AssertPlain(train);
        Assert.Equal(2, TableRows(train.StandardOutput).Count - 1);

        var results = work.File("results");
        var evaluate = await CliProcess.RunAsync(Timeout,
            "evaluate", "--env", "synthetic", "--dialogues", "20", "--policy", policy, "--baselines", "local,cloud", "--seeds", "0", "--out", results);
        Assert.True(evaluate.ExitCode == 0, evaluate.StandardOutput + evaluate.StandardError);
        AssertPlain(evaluate);

        // The console table has the Markdown table's full headers, not "Meth…" squeezed into 80 columns.
        var markdown = await File.ReadAllTextAsync(Path.Combine(results, "results.md"));
        var rows = TableRows(evaluate.StandardOutput);
        Assert.Equal(MarkdownHeaders(markdown), rows[0]);
        Assert.Equal(["RC-A2C (policy)", "Local", "Cloud"], rows.Skip(1).Select(r => r[0]));
        Assert.Contains(", 1 seed (mean ± sd over seeds)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("1 seeds", evaluate.StandardOutput + markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateEdgeCloud_RedirectedOutput_PlainTableWithOneLinePerMethod()
    {
        using var work = new ScratchDirectory("plain-edge");

        var result = await CliProcess.RunAsync(Timeout,
            "evaluate", "--env", "edge-cloud", "--seeds", "0", "--devices-per-seed", "1", "--windows", "1", "--feasibility", "off",
            "--baselines", "cloud,analytic-greedy", "--out", work.File("results"));

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        AssertPlain(result);
        Assert.Equal(["Cloud only", "Analytic k* + greedy placement"], TableRows(result.StandardOutput).Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task Traces_RedirectedOutput_HasNoEscapeCodes()
    {
        using var work = new ScratchDirectory("plain-trace");
        var file = work.File("lte.csv");

        var generate = await CliProcess.RunAsync(Timeout, "traces", "generate", "--preset", "lte", "--seconds", "60", "--out", file);
        Assert.True(generate.ExitCode == 0, generate.StandardOutput + generate.StandardError);
        AssertPlain(generate);

        var show = await CliProcess.RunAsync(Timeout, "traces", "show", file);
        Assert.True(show.ExitCode == 0, show.StandardOutput + show.StandardError);
        AssertPlain(show);
    }

    [Fact]
    public async Task BadInput_RedirectedOutput_OnePlainLine()
    {
        var result = await CliProcess.RunAsync(Timeout, "demo", "--agents", "0");

        Assert.Equal(2, result.ExitCode);
        AssertPlain(result);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AssertPlain(CliProcess.Result result)
    {
        foreach (var (name, text) in new[] { ("standard output", result.StandardOutput), ("standard error", result.StandardError) })
        {
            var escape = text.IndexOf('\u001b', StringComparison.Ordinal);
            Assert.True(escape < 0, $"{name} holds an escape code at {escape}: {text[Math.Max(0, escape - 40)..Math.Min(text.Length, escape + 40)]}");
        }
    }

    /// <summary>The cells of each line of the first box-drawn table, header first; a wrapped row would add lines.</summary>
    private static List<string[]> TableRows(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var top = lines.FindIndex(l => l.StartsWith('╭'));
        Assert.True(top >= 0, $"no table in:\n{output}");
        var rows = lines.Skip(top + 1).TakeWhile(l => !l.StartsWith('╰')).Where(l => l.StartsWith('│'))
            .Select(l => l.Trim('│').Split('│').Select(c => c.Trim()).ToArray()).ToList();
        return rows;
    }

    private static string[] MarkdownHeaders(string markdown) =>
        markdown.Split('\n').First(l => l.StartsWith("| Method", StringComparison.Ordinal)).Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
