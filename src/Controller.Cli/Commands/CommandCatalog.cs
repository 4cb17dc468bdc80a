using System.CommandLine;

namespace Controller.Cli.Commands;

/// <summary>Every top-level <c>controller</c> command. One line per command; each lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return ServeCommand.Create();
        yield return SimulateCommand.Create();
        yield return BenchCommand.Create();
        yield return TrainCommand.Create();
        yield return EvaluateCommand.Create();
        yield return TracesCommand.Create();
        yield return PolicyCommand.Create();
    }
}
