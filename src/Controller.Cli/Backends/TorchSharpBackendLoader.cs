using System.Diagnostics;
using System.Reflection;
using Controller.Learning.Algorithms;
using Controller.Learning.Backends;

namespace Controller.Cli.Backends;

/// <summary>
/// Brings the TorchSharp backend into this process on first use: builds <c>src/Controller.Learning.TorchSharp</c> (an
/// incremental <c>dotnet build</c>; the first one restores LibTorch, about 600 MB), loads it in a
/// <see cref="BackendLoadContext"/>, lets it adapt its native wrapper where this host needs it, and registers it with
/// <see cref="LearnerCatalog"/>. Nothing else in the CLI references TorchSharp, so <c>demo</c> and <c>serve</c> never pay for it.
/// </summary>
internal static class TorchSharpBackendLoader
{
    private const string BackendType = "Controller.Learning.TorchSharp.TorchSharpBackend";
    private static readonly object Gate = new();
    private static MethodInfo? _load;

    /// <summary>The backend with libtorch set to <paramref name="threads"/> intra-op threads; registered in the catalog.</summary>
    /// <param name="log">Receives the build and adaptation lines (what was done, and where).</param>
    /// <exception cref="InvalidOperationException">The project is missing, its build fails, or libtorch does not load; the message says which.</exception>
    public static ITrainingBackend Load(int threads, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        lock (Gate)
        {
            if (_load is null)
            {
                var assemblyPath = Build(log);
                var context = new BackendLoadContext(assemblyPath);
                var type = context.LoadFromAssemblyPath(assemblyPath).GetType(BackendType, throwOnError: true)!;
                _load = type.GetMethod("Load", BindingFlags.Public | BindingFlags.Static)
                    ?? throw new InvalidOperationException($"{BackendType} has no public static Load(int) in {assemblyPath}.");
                var first = Invoke(threads);
                log.WriteLine($"torchsharp backend: LibTorch {first.GetType().GetProperty("LibTorchVersion")?.GetValue(first)}; {first.GetType().GetProperty("Adaptation")?.GetValue(first)}");
            }

            var backend = Invoke(threads);
            LearnerCatalog.RegisterBackend(backend);
            return backend;
        }
    }

    private static ITrainingBackend Invoke(int threads)
    {
        try
        {
            return (ITrainingBackend)_load!.Invoke(null, [threads])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"the torchsharp backend did not load: {e.InnerException.Message}", e.InnerException);
        }
    }

    private static string Build(TextWriter log)
    {
        var assembly = typeof(TorchSharpBackendLoader).Assembly;
        string Metadata(string key) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"the CLI was built without its {key} metadata");
        var project = Metadata("Controller.TorchSharpProject");
        var configuration = Metadata("Controller.Configuration");
        if (!File.Exists(project))
        {
            throw new InvalidOperationException($"the torchsharp backend's project is not at {project} (it is built from the repository this CLI was built from)");
        }

        var output = Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0");
        log.WriteLine($"torchsharp backend: dotnet build {project} -c {configuration} (the first build restores LibTorch, about 600 MB)");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "build", project, "-c", configuration, "--nologo", "-v", "quiet", "-clp:ErrorsOnly" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start 'dotnet' to build the torchsharp backend");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the torchsharp backend failed (exit {process.ExitCode}): {(stdout.Result + stderr.Result).Trim()}");
        }

        var path = Path.Combine(output, "Controller.Learning.TorchSharp.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"the torchsharp backend built, but {path} is not there");
    }
}
