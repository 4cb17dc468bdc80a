using System.CommandLine;
using Controller.Cli.Commands;
using Controller.Cli.Output;
using Controller.Cli.Parsing;

var root = new RootCommand("Offload Controller: decides where each edge LLM request runs and learns how under budgets.");
root.Options.Add(Terminal.NoColorOption);
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);
Terminal.Use(OutputStyle.Detect(Console.IsOutputRedirected, parse.GetValue(Terminal.NoColorOption), Environment.GetEnvironmentVariable("NO_COLOR")));
return await CommandRunner.InvokeAsync(parse);
