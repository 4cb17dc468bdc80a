using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Controller.Cli.Parsing;
using Controller.EdgeAgent.Clients;
using Controller.EdgeAgent.Simulation;
using MassTransit;
using Spectre.Console;

namespace Controller.Cli.Commands;

/// <summary><c>controller simulate</c>: a simulated fleet against a running controller, over HTTP or RabbitMQ.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var agents = new Option<int>("--agents") { Description = "Number of simulated edge agents, 1..10000.", DefaultValueFactory = _ => 20 };
        var duration = new Option<Duration>("--duration") { Description = "How long agents issue requests, e.g. 30s, 2m, 1h or 00:01:00.", DefaultValueFactory = _ => TimeSpan.FromMinutes(1), CustomParser = r => Options.ParseDuration(r) };
        var interval = new Option<Duration>("--interval") { Description = "Pause between one agent's requests, e.g. 200ms; 0 for none.", DefaultValueFactory = _ => TimeSpan.FromMilliseconds(200), CustomParser = r => Options.ParseDuration(r, allowZero: true) };
        var url = new Option<Uri?>("--controller-url") { Description = "Controller HTTP address, e.g. http://127.0.0.1:8080 (give this or --rabbitmq).", CustomParser = r => Options.ParseUri(r, "http", "https") };
        var rabbit = new Option<Uri?>("--rabbitmq") { Description = "Talk AMQP to the controller's broker instead, e.g. amqp://guest:guest@127.0.0.1:5672/ (give this or --controller-url).", CustomParser = r => Options.ParseUri(r, "amqp") };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulation.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON on the last line." };
        agents.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError("--agents must be between 1 and 10000.");
            }
        });
        var command = new Command("simulate", "Run simulated edge agents against a running controller.") { agents, duration, interval, url, rabbit, seed, json };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(url) is null) == (result.GetValue(rabbit) is null))
            {
                result.AddError("Give exactly one of --controller-url or --rabbitmq.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            var options = new FleetOptions
            {
                Agents = parse.GetValue(agents),
                Duration = parse.GetValue(duration),
                RequestInterval = parse.GetValue(interval),
                Seed = parse.GetValue(seed),
            };
            var stats = new FleetStats();
            FleetSummary summary;
            if (parse.GetValue(rabbit) is { } amqp)
            {
                IBusControl bus;
                try
                {
                    bus = await RabbitMqAgentBus.StartAsync(amqp, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await Console.Error.WriteLineAsync($"simulate: cannot connect to RabbitMQ at {amqp.Host}:{amqp.Port}: {ex.Message}");
                    return 2;
                }

                try
                {
                    var client = new BusControllerClient(bus, options.DecisionTimeout);
                    summary = await FleetSimulator.RunAsync(options, _ => client, stats, TimeProvider.System, ct);
                }
                finally
                {
                    await bus.StopAsync(CancellationToken.None);
                }
            }
            else
            {
                using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(url)!.ToString().TrimEnd('/') + "/"), Timeout = options.DecisionTimeout };
                var client = new HttpControllerClient(http);
                summary = await FleetSimulator.RunAsync(options, _ => client, stats, TimeProvider.System, ct);
            }

            Render(summary);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            }

            return summary.Decisions > 0 ? 0 : 1;
        });
        return command;
    }

    private static void Render(FleetSummary s)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, object value) => table.AddRow(Markup.Escape(name), Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture)!));
        Row("requests", s.Requests);
        Row("decisions received", s.Decisions);
        Row("outcomes reported", s.Outcomes);
        Row("fallbacks / rejected / expired", $"{s.Fallbacks} / {s.Rejected} / {s.Expired}");
        Row("local / cloud / speculative", $"{s.Local} / {s.Cloud} / {s.Speculative}");
        Row("mean latency s", (s.MeanLatencyMs / 1_000).ToString("N2", CultureInfo.InvariantCulture));
        Row("total cloud cost $", s.TotalCostUsd.ToString("N4", CultureInfo.InvariantCulture));
        Row("mean energy J", s.MeanEnergyJoules.ToString("N2", CultureInfo.InvariantCulture));
        Row("round trip p50 / p99 µs", $"{s.RoundTripP50Us:N0} / {s.RoundTripP99Us:N0}");
        AnsiConsole.Write(table);
    }
}
