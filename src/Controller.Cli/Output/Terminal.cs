using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Spectre.Console;

namespace Controller.Cli.Output;

/// <summary>
/// The one place that decides how the CLI styles standard output (<see cref="OutputStyle"/>): it installs the
/// Spectre console every command writes through and styles the log lines of <c>serve</c> and <c>demo</c> to match.
/// </summary>
internal static class Terminal
{
    /// <summary>
    /// Console width assumed when the output is not a terminal. Spectre wraps text and shrinks tables to the console
    /// width, and takes 80 columns when it cannot ask a terminal; no line the CLI prints comes near this one.
    /// </summary>
    public const int PlainWidth = 100_000;

    /// <summary><c>--no-color</c>, accepted by every command.</summary>
    public static Option<bool> NoColorOption { get; } = new("--no-color")
    {
        Description = "Write no colour, even to a terminal (as does a non-empty NO_COLOR variable). Output to a file or a pipe is always plain: no escape codes, no progress bars, tables unwrapped.",
        Recursive = true,
    };

    /// <summary>The style chosen at start; plain until <see cref="Use"/> is called.</summary>
    public static OutputStyle Style { get; private set; } = OutputStyle.Plain;

    /// <summary>Makes <paramref name="style"/> the style of <see cref="AnsiConsole.Console"/> and of later log output.</summary>
    public static void Use(OutputStyle style)
    {
        Style = style;
        AnsiConsole.Console = CreateConsole(style, Console.Out);
    }

    /// <summary>A Spectre console writing to <paramref name="writer"/> in <paramref name="style"/>.</summary>
    public static IAnsiConsole CreateConsole(OutputStyle style, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            // Off the terminal no escape code at all: Spectre would otherwise decide from TERM, which a pipe inherits.
            Ansi = style.Terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = style.Colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = style.Terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!style.Terminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }

    /// <summary>Log lines on the console in colour only when <see cref="Style"/> allows it.</summary>
    public static void StyleLogs(ILoggingBuilder logging) =>
        logging.AddSimpleConsole(o => o.ColorBehavior = Style.Colour ? LoggerColorBehavior.Enabled : LoggerColorBehavior.Disabled);
}
