using System.Diagnostics;
using System.Text.Json;

namespace Controller.Benchmarks.Learning;

/// <summary>Runs a PyTorch peer script from <c>benchmarks/pytorch/</c> and parses the one JSON object it prints.</summary>
internal static class PythonPeer
{
    /// <summary>The peer's JSON, or null with a plain reason when the interpreter, torch or the script is missing or fails.</summary>
    public static async Task<(JsonElement? Result, string? Problem)> RunAsync(
        string pythonPath, string script, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var scriptPath = FindScript(script);
        if (scriptPath is null)
        {
            return (null, $"PyTorch peer not run: benchmarks/pytorch/{script} not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
        }

        var start = new ProcessStartInfo(pythonPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(scriptPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, $"PyTorch peer not run: cannot start '{pythonPath}' ({ex.Message}). Install Debian's python3-torch.");
        }

        if (process is null)
        {
            return (null, $"PyTorch peer not run: '{pythonPath}' did not start.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return (null, $"PyTorch peer {script} did not finish within {timeout.TotalSeconds:F0} s and was stopped.");
            }

            var output = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
            {
                var reason = errors.Contains("No module named 'torch'", StringComparison.Ordinal)
                    ? $"'{pythonPath}' has no torch; install Debian's python3-torch"
                    : $"exit code {process.ExitCode}: {Tail(errors)}";
                return (null, $"PyTorch peer {script} failed ({reason}).");
            }

            try
            {
                var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
                return (JsonDocument.Parse(line).RootElement.Clone(), null);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                return (null, $"PyTorch peer {script} printed no JSON result ({Tail(output)}).");
            }
        }
    }

    /// <summary>Load average of the machine (Linux), since a shared box skews every timing.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private static string? FindScript(string script)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "benchmarks", "pytorch", script);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : "…" + text[^400..].Trim();
}
