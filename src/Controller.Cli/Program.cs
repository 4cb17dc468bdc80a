using System.CommandLine;
using Controller.Cli.Commands;
using Controller.Cli.Parsing;

var root = new RootCommand("Offload Controller: decides where each edge LLM request runs and learns how under budgets.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await CommandRunner.InvokeAsync(root.Parse(args));
