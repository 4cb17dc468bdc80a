using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Controller.Benchmarks;
using Controller.Cli.Backends;
using Controller.Cli.Parsing;
using Spectre.Console;

namespace Controller.Cli.Commands;

/// <summary><c>controller bench NAME</c>: runs one benchmark from <see cref="BenchmarkCatalog"/> and prints its table.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name")
        {
            Description = "Benchmark to run: " + string.Join("; ", BenchmarkCatalog.All.Select(b => $"{b.Name} ({b.Description.TrimEnd('.')})")) + ".",
        };
        name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (BenchmarkCatalog.Find(value) is null)
            {
                result.AddError($"Unknown benchmark '{value}'. Known: {string.Join(", ", BenchmarkCatalog.All.Select(b => b.Name))}.");
            }
        });
        var duration = new Option<Duration>("--duration")
        {
            Description = "Measured time per phase, e.g. 500ms, 5s, 1m or 00:00:05.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(5),
            CustomParser = result => Options.ParseDuration(result),
        };
        var seed = new Option<int>("--seed") { Description = "Seed of generated inputs.", DefaultValueFactory = _ => 0 };
        var python = new Option<string>("--python") { Description = "Python with PyTorch, for the peers of forward and ppo-update.", DefaultValueFactory = _ => "/usr/bin/python3" };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object on the last line." };
        var replications = new Option<int?>("--replications") { Description = "Replications of a statistical benchmark (ope: default 500, at least 2)." };
        replications.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 2)
            {
                result.AddError("--replications must be at least 2.");
            }
        });

        var command = new Command("bench", "Run a benchmark, side by side with its peer where one is named.") { name, duration, seed, python, json, replications };
        command.SetAction(async (parse, ct) =>
        {
            var benchmark = BenchmarkCatalog.Find(parse.GetValue(name)!)!;
            var console = AnsiConsole.Console;
            var progress = new Progress<string>(step => console.MarkupLine($"[grey]… {Markup.Escape(step)}[/]"));
            // Only benchmarks that compare backends call this, so the others never build or load TorchSharp.
            var settings = new BenchmarkSettings(parse.GetValue(duration), parse.GetValue(seed), parse.GetValue(python)!,
                TorchSharp: threads => TorchSharpBackendLoader.Load(threads, Console.Out), Replications: parse.GetValue(replications));
            var report = await benchmark.RunAsync(settings, progress, ct);
            Render(console, report);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(report.Figures));
            }

            return 0;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, BenchmarkReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(report.Title));
        foreach (var column in report.Columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in report.Rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        console.Write(table);
        foreach (var note in report.Notes)
        {
            console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        }

        console.MarkupLine($"[grey]{Markup.Escape(DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture))}, {Environment.ProcessorCount} cores, .NET {Environment.Version}[/]");
    }
}
