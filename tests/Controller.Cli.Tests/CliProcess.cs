using System.Diagnostics;

namespace Controller.Cli.Tests;

/// <summary>Runs the built <c>controller</c> executable as a user would, capturing its output.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string LastLine => StandardOutput.TrimEnd().Split('\n').Last().Trim();
    }

    public static async Task<Result> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"controller {string.Join(' ', args)} did not finish within {timeout}; output so far: {await stdout}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs a command that does not end by itself (<c>serve</c>) until a line of its standard output contains
    /// <paramref name="marker"/>, then kills it; the result holds everything it wrote until then.
    /// </summary>
    public static async Task<Result> RunUntilAsync(TimeSpan timeout, string marker, params string[] args)
    {
        using var process = Start(args);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                stdout.AppendLine(line);
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"controller {string.Join(' ', args)} wrote no line with '{marker}' within {timeout}; output so far: {stdout}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None);
        return new Result(process.ExitCode, stdout.ToString(), await stderr);
    }

    /// <summary>
    /// Runs a daemon until a line of its standard output contains <paramref name="marker"/>, waits
    /// <paramref name="runFor"/>, sends it SIGTERM as a service manager would, and returns everything it wrote until it exited.
    /// </summary>
    public static async Task<Result> RunThenTerminateAsync(TimeSpan timeout, string marker, TimeSpan runFor, params string[] args)
    {
        using var process = Start(args);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                stdout.AppendLine(line);
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    break;
                }
            }

            await Task.Delay(runFor, cts.Token);
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cts.Token);
            }

            stdout.Append(await process.StandardOutput.ReadToEndAsync(cts.Token));
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"controller {string.Join(' ', args)} did not stop within {timeout}; output so far: {stdout}");
        }

        return new Result(process.ExitCode, stdout.ToString(), await stderr);
    }

    private static Process Start(string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "controller.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
