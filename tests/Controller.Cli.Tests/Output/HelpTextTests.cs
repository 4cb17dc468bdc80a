using System.CommandLine;
using Controller.Cli.Commands;

namespace Controller.Cli.Tests.Output;

/// <summary>What <c>--help</c> promises: every option explained, every accepted value and default named.</summary>
public sealed class HelpTextTests
{
    [Fact]
    public void EveryCommand_EveryOptionAndArgument_HasADescription()
    {
        var undescribed = AllCommands().SelectMany(c => c.Options.Cast<Symbol>().Concat(c.Arguments).Select(s => (Command: c.Name, Symbol: s)))
            .Where(x => string.IsNullOrWhiteSpace(x.Symbol.Description)).Select(x => $"{x.Command} {x.Symbol.Name}").ToList();

        Assert.True(undescribed.Count == 0, $"no description: {string.Join(", ", undescribed)}");
    }

    [Fact]
    public void EveryCommand_SwitchOnByDefault_SaysSoAndHowToTurnItOff()
    {
        // --help prints no default for a bool option, so one that is on by default must say it.
        var silent = AllCommands().SelectMany(c => c.Options.OfType<Option<bool>>().Select(o => (Command: c.Name, Option: o)))
            .Where(x => x.Option.HasDefaultValue && x.Option.GetDefaultValue() is true)
            .Where(x => !(x.Option.Description ?? "").Contains("on by default", StringComparison.Ordinal)
                || !(x.Option.Description ?? "").Contains($"{x.Option.Name} false", StringComparison.Ordinal))
            .Select(x => $"{x.Command} {x.Option.Name}").ToList();

        Assert.True(silent.Count == 0, $"on by default without saying so: {string.Join(", ", silent)}");
    }

    [Theory]
    [InlineData("train")]
    [InlineData("evaluate")]
    public void TrainAndEvaluate_Env_ListsEveryEnvironment(string name)
    {
        // The top-level command: `policy evaluate` shares the name.
        var env = CommandCatalog.All().Single(c => c.Name == name).Options.Single(o => o.Name == "--env");

        foreach (var value in new[] { "m4a1", "synthetic", "edge-cloud" })
        {
            Assert.Contains(value, env.Description, StringComparison.Ordinal);
        }
    }

    private static List<Command> AllCommands()
    {
        var all = new List<Command>();
        void Visit(Command command)
        {
            all.Add(command);
            foreach (var sub in command.Subcommands)
            {
                Visit(sub);
            }
        }

        foreach (var command in CommandCatalog.All())
        {
            Visit(command);
        }

        return all;
    }
}
