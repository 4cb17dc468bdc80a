using System.CommandLine;
using Controller.Cli.Parsing;

namespace Controller.Cli.Tests.Parsing;

/// <summary>The exit codes and messages of the one error path every command runs through.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CommandRunnerTests
{
    [Fact]
    public async Task Invoke_InputException_OneLineNamingCommandExit2()
    {
        var (exit, error) = await RunThrowing(new ArgumentException("--widgets must be positive, got -1", "widgets"));

        Assert.Equal(CommandRunner.BadInput, exit);
        Assert.Equal("controller probe: --widgets must be positive, got -1", error.Trim());
    }

    [Fact]
    public async Task Invoke_InputExceptionInsideParallelLoop_UnwrappedExit2()
    {
        var (exit, error) = await RunThrowing(new AggregateException(new InvalidDataException("bundle X: trained on seed 1's test dialogues")));

        Assert.Equal(CommandRunner.BadInput, exit);
        Assert.Equal("controller probe: bundle X: trained on seed 1's test dialogues", error.Trim());
    }

    [Fact]
    public async Task Invoke_Cancelled_Exit130()
    {
        var (exit, error) = await RunThrowing(new OperationCanceledException());

        Assert.Equal(CommandRunner.Cancelled, exit);
        Assert.Contains("cancelled", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Bug_KeepsStackTraceExit70()
    {
        var (exit, error) = await RunThrowing(new InvalidOperationException("state went wrong"));

        Assert.Equal(CommandRunner.Bug, exit);
        Assert.Contains("internal error (a bug, please report it)", error, StringComparison.Ordinal);
        Assert.Contains("state went wrong", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Error)> RunThrowing(Exception exception)
    {
        var root = new RootCommand("test");
        var probe = new Command("probe");
        probe.SetAction(Task<int> (_, _) => throw exception);
        root.Subcommands.Add(probe);

        var original = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            var exit = await CommandRunner.InvokeAsync(root.Parse(["probe"]));
            return (exit, captured.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}

/// <summary>Tests that swap <see cref="Console.Error"/> must not run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
