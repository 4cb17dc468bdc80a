using System.CommandLine;

namespace Controller.Cli.Commands;

/// <summary>Every top-level <c>controller</c> command. One line per command; each lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield break;
    }
}
