using System.CommandLine;
using Controller.Cli.Demo;
using Controller.Cli.Parsing;

namespace Controller.Cli.Commands;

/// <summary><c>controller demo</c>: the whole loop in one process on embedded defaults.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var agents = new Option<int>("--agents") { Description = "Number of simulated edge agents, 1..1000.", DefaultValueFactory = _ => 4 };
        var duration = new Option<Duration>("--duration")
        {
            Description = "How long the agents issue requests, e.g. 20s, 2m, 1h or 00:00:20.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(30),
            CustomParser = result => Options.ParseDuration(result),
        };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on the last line." };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulation and of the decision randomness.", DefaultValueFactory = _ => 0 };
        var database = new Option<FileInfo?>("--database") { Description = "SQLite file to keep (default: a temporary file removed at the end)." };
        var policy = PolicyOption.Create();
        var interval = new Option<Duration>("--interval")
        {
            Description = "Pause between one agent's requests, e.g. 20ms; 0 for none.",
            DefaultValueFactory = _ => TimeSpan.FromMilliseconds(20),
            CustomParser = result => Options.ParseDuration(result, allowZero: true),
        };
        agents.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1_000)
            {
                result.AddError("--agents must be between 1 and 1000.");
            }
        });

        var command = new Command("demo", "Run the controller and a simulated fleet in one process (in-memory bus, SQLite) and summarise.")
        {
            agents, duration, json, seed, database, interval, policy,
        };
        command.SetAction((parse, ct) => DemoRunner.RunAsync(
            new DemoSettings(
                parse.GetValue(agents),
                parse.GetValue(duration),
                parse.GetValue(interval),
                parse.GetValue(seed),
                parse.GetValue(database)?.FullName,
                parse.GetValue(json),
                parse.GetValue(policy)!),
            ct));
        return command;
    }
}
