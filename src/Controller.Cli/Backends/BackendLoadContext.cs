using System.Reflection;
using System.Runtime.Loader;

namespace Controller.Cli.Backends;

/// <summary>
/// Loads a backend assembly with its own dependencies (TorchSharp and its native libraries, from the backend's deps.json)
/// while sharing every assembly the CLI itself ships — above all Controller.Learning, so <c>ITrainingBackend</c> is one type.
/// </summary>
internal sealed class BackendLoadContext(string backendPath) : AssemblyLoadContext("backend:" + Path.GetFileNameWithoutExtension(backendPath))
{
    private static readonly HashSet<string> HostAssemblies = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private readonly AssemblyDependencyResolver _resolver = new(backendPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && HostAssemblies.Contains(name))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
