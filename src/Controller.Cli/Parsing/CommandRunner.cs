using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text.Json;
using Controller.Learning.Policies;
using Controller.Training.EdgeCloud.Datasets;
using Controller.Training.Tmo.Datasets;

namespace Controller.Cli.Parsing;

/// <summary>
/// Runs a parsed command line so that bad input never crashes: a parse error or an input exception
/// (unknown name, malformed file, missing path, out-of-range value) prints one line
/// <c>controller &lt;command&gt;: &lt;message&gt;</c> to standard error and exits <see cref="BadInput"/>;
/// Ctrl+C exits <see cref="Cancelled"/>. Any other exception is a bug: it keeps its stack trace and
/// exits <see cref="Bug"/>.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Exit code of unusable arguments or input files.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code of a run stopped by Ctrl+C or SIGTERM (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>Exit code of a bug: an exception that is not about the input.</summary>
    public const int Bug = 70;

    public static async Task<int> InvokeAsync(ParseResult parse)
    {
        // Without a subcommand the default shows the usage, which is what the user needs there.
        if (parse.Action is ParseErrorAction && parse.CommandResult.Command is not RootCommand)
        {
            return Fail(parse, string.Join("; ", parse.Errors.Select(e => e.Message)));
        }

        try
        {
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            if (parse.CommandResult.Command.Name == Commands.EdgeAgentCommand.Name)
            {
                // System.CommandLine ends the process 2 s after SIGTERM; the agent needs its flush timeout to empty its outbox.
                configuration.ProcessTerminationTimeout = Commands.EdgeAgentCommand.TerminationTimeout;
            }

            return await parse.InvokeAsync(configuration);
        }
        catch (Exception ex) when (Unwrap(ex) is OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"{CommandPath(parse)}: cancelled");
            return Cancelled;
        }
        catch (Exception ex) when (IsInput(Unwrap(ex)))
        {
            return Fail(parse, OneLine(Unwrap(ex)));
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"{CommandPath(parse)}: internal error (a bug, please report it): {ex}");
            return Bug;
        }
    }

    /// <summary>True for exceptions that describe bad input rather than a fault of this program.</summary>
    private static bool IsInput(Exception ex) => ex switch
    {
        ArgumentNullException => false,
        ArgumentException or FormatException or InvalidDataException or JsonException => true,
        IOException or UnauthorizedAccessException => true, // missing files and folders, a full disk, no permission
        DatasetFormatException or TraceFormatException or PolicyBundleException => true,
        _ => false,
    };

    private static Exception Unwrap(Exception ex) =>
        ex is AggregateException aggregate && aggregate.Flatten().InnerExceptions is [var first, ..] ? Unwrap(first) : ex;

    /// <summary>The message on one line, without .NET's "(Parameter 'x')" suffix.</summary>
    private static string OneLine(Exception ex)
    {
        var text = ex.Message;
        if (ex is ArgumentException { ParamName: { } parameter })
        {
            text = text.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal);
        }

        return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static int Fail(ParseResult parse, string message)
    {
        Console.Error.WriteLine($"{CommandPath(parse)}: {message}");
        return BadInput;
    }

    /// <summary><c>controller traces generate</c> for that subcommand.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        return string.Join(' ', ["controller", .. names]);
    }
}
