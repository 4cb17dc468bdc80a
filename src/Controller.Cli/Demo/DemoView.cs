using System.Globalization;
using System.Text.Json;
using Controller.EdgeAgent.Simulation;
using Controller.Learning.Metrics;
using Spectre.Console;

namespace Controller.Cli.Demo;

/// <summary>What the demo shows: live progress while agents run, then a summary table (and JSON on request).</summary>
internal sealed class DemoView(DemoSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IAnsiConsole _console = AnsiConsole.Console;

    public void Started(string? url, string databasePath, string policy)
    {
        _console.MarkupLine($"[bold]Offload Controller demo[/]: {Plural.Of(settings.Agents, "simulated agent")} for {settings.Duration.TotalSeconds:0.#} s");
        _console.MarkupLine($"  bus [green]in-memory[/], store [green]SQLite[/] {Markup.Escape(databasePath)}");
        _console.MarkupLine($"  policy {Markup.Escape(policy)}");
        if (url is not null)
        {
            _console.MarkupLine($"  HTTP API {Markup.Escape(url)} (GET /health, /v1/stats)");
        }
    }

    public async Task ShowProgressAsync(Task run, FleetStats stats)
    {
        if (!_console.Profile.Capabilities.Interactive)
        {
            // Logs and CI: a plain line every few seconds instead of a redrawn bar.
            while (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5))) != run)
            {
                _console.WriteLine(Line(stats));
            }

            return;
        }

        await _console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Line(stats), maxValue: settings.Duration.TotalMilliseconds);
                var started = DateTime.UtcNow;
                while (await Task.WhenAny(run, Task.Delay(250)) != run)
                {
                    task.Value = Math.Min(task.MaxValue, (DateTime.UtcNow - started).TotalMilliseconds);
                    task.Description = Line(stats);
                }

                task.Value = task.MaxValue;
                task.Description = Line(stats);
            });
    }

    public void Summary(DemoSummary s)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("heartbeats stored", s.Heartbeats.ToString("N0", CultureInfo.InvariantCulture));
        Row("decisions logged", s.Decisions.ToString("N0", CultureInfo.InvariantCulture));
        Row("outcomes joined to decisions", $"{s.OutcomesJoinedToDecisions:N0} of {s.Outcomes:N0}");
        Row("decisions per second", s.DecisionsPerSecond.ToString("N1", CultureInfo.InvariantCulture));
        Row("local / cloud / speculative", $"{Share(s.Local, s.Decisions)} / {Share(s.Cloud, s.Decisions)} / {Share(s.Speculative, s.Decisions)}");
        Row("fallbacks (controller unreachable)", s.Fallbacks.ToString(CultureInfo.InvariantCulture));
        Row("mean request latency", $"{s.MeanLatencyMs / 1_000:N2} s");
        Row("mean cloud cost", $"${s.MeanCostUsd:N5} (total ${s.TotalCostUsd:N3})");
        Row("mean device energy", $"{s.MeanEnergyJoules:N2} J");
        Row("mean quality", s.MeanQuality.ToString("N3", CultureInfo.InvariantCulture));
        Row("decision latency p50 / p99", $"{s.DecisionLatencyP50Us:N0} µs / {s.DecisionLatencyP99Us:N0} µs");
        Row("agent round trip p50 / p99", $"{s.RoundTripP50Us:N0} µs / {s.RoundTripP99Us:N0} µs");
        _console.Write(table);

        var complete = s.Decisions > 0 && s.Outcomes == s.Decisions;
        _console.MarkupLine(complete
            ? "[green]Every decision got its outcome.[/]"
            : $"[red]{Plural.Of(s.Decisions - s.Outcomes, "decision")} without an outcome.[/]");

        if (settings.Json)
        {
            // Written straight to stdout, unstyled, so the last line is machine-readable whatever the terminal.
            Console.Out.WriteLine(JsonSerializer.Serialize(s, Json));
        }
    }

    private static string Share(long part, long whole) =>
        whole == 0 ? "0%" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Line(FleetStats stats) =>
        $"requests {stats.Requests:N0}  decisions {stats.Decisions:N0}  outcomes {stats.Outcomes:N0}  fallbacks {stats.Fallbacks:N0}";
}
