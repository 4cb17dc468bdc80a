using System.Runtime.InteropServices;
using System.Text;

namespace Controller.Learning.TorchSharp.Native;

/// <summary>
/// Makes TorchSharp's native wrapper load on a host whose libstdc++ predates GCC 13 (Debian 12 ships GCC 12's, up to
/// <c>GLIBCXX_3.4.30</c>). <c>libLibTorchSharp.so</c> 0.107 requires <c>GLIBCXX_3.4.32</c> for one symbol only,
/// <c>std::ios_base_library_init()</c>, which GCC 13's <c>&lt;iostream&gt;</c> names with a bare <c>.globl</c> so the
/// standard streams get initialised; no relocation refers to it, so nothing ever calls or binds it. The adaptation marks
/// that one version requirement weak in the build output's copy (never in the NuGet cache), after checking that the
/// version is bound to that symbol and nothing else. LibTorch's own libraries need only <c>GLIBCXX_3.4.26</c>. On a host
/// that has the version (GCC 13+: Debian 13, Ubuntu 24.04) nothing is changed.
/// </summary>
public static class LibTorchSharpAdaptation
{
    /// <summary>The version Debian 12's libstdc++ lacks.</summary>
    public const string MissingVersion = "GLIBCXX_3.4.32";

    /// <summary>The only symbol the library binds to <see cref="MissingVersion"/>: <c>std::ios_base_library_init()</c>.</summary>
    public const string OnlySymbol = "_ZSt21ios_base_library_initv";

    private static readonly string[] LibStdCxxCandidates =
        ["/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6"];

    /// <summary>
    /// The native wrapper beside <c>TorchSharp.dll</c> (where the build copies it): <c>runtimes/linux-x64/native/libLibTorchSharp.so</c>.
    /// </summary>
    public static string DefaultLibraryPath(string torchSharpDirectory) =>
        Path.Combine(torchSharpDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    /// <summary>The host's libstdc++: the one this process mapped, else the first standard location that exists; null when none.</summary>
    public static string? HostLibStdCxx()
    {
        if (File.Exists("/proc/self/maps"))
        {
            var mapped = File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(fields => fields.Length >= 6 && fields[^1].Contains("/libstdc++.so", StringComparison.Ordinal))
                .Select(fields => fields[^1])
                .FirstOrDefault();
            if (mapped is not null)
            {
                return mapped;
            }
        }

        return LibStdCxxCandidates.FirstOrDefault(File.Exists);
    }

    /// <summary>True when the library file defines <paramref name="version"/> (its name is in the version-definition strings).</summary>
    public static bool Defines(string libraryPath, string version)
    {
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        return File.ReadAllBytes(libraryPath).AsSpan().IndexOf(needle) >= 0;
    }

    /// <summary>
    /// Adapts <paramref name="libraryPath"/> when <paramref name="hostLibStdCxx"/> lacks <see cref="MissingVersion"/> and the
    /// library requires it; returns one line saying what was found and done.
    /// </summary>
    /// <exception cref="FileNotFoundException">The library is not where the build puts it.</exception>
    /// <exception cref="InvalidOperationException">The version is bound to other symbols (weakening it could break a call), or the file is in the NuGet cache.</exception>
    public static string Adapt(string libraryPath, string? hostLibStdCxx)
    {
        if (!File.Exists(libraryPath))
        {
            throw new FileNotFoundException($"TorchSharp's native wrapper is not at {libraryPath}; build Controller.Learning.TorchSharp (its build copies it there).", libraryPath);
        }

        if (hostLibStdCxx is not null && Defines(hostLibStdCxx, MissingVersion))
        {
            return $"{hostLibStdCxx} defines {MissingVersion}: {libraryPath} loads as shipped, not adapted.";
        }

        var elf = ElfVersionNeeds.Read(libraryPath);
        var requirement = elf.Requirements.FirstOrDefault(r => r.File.StartsWith("libstdc++.so", StringComparison.Ordinal) && r.Version == MissingVersion);
        if (requirement is null)
        {
            return $"{libraryPath} does not require {MissingVersion}: not adapted.";
        }

        if (requirement.Weak)
        {
            return $"{libraryPath}: its {MissingVersion} requirement is already weak (adapted earlier).";
        }

        var symbols = elf.SymbolsOf(requirement);
        if (symbols.Count != 1 || symbols[0] != OnlySymbol)
        {
            throw new InvalidOperationException(
                $"{libraryPath} binds {MissingVersion} to [{string.Join(", ", symbols)}], not to {OnlySymbol} alone; marking it weak could leave a called symbol unresolved, so it is not adapted. This TorchSharp build needs a libstdc++ from GCC 13 or later.");
        }

        if (IsInNuGetCache(libraryPath))
        {
            throw new InvalidOperationException($"{libraryPath} is in the shared NuGet cache, which is never modified; build the project so the library is copied into its output.");
        }

        // Write beside, then rename over: the copy in the build output is replaced whole, and a hard link elsewhere is not touched.
        var temporary = libraryPath + ".adapting";
        File.WriteAllBytes(temporary, elf.WithWeak(requirement));
        File.Move(temporary, libraryPath, overwrite: true);
        return $"{hostLibStdCxx ?? "the host's libstdc++ (not found)"} lacks {MissingVersion}: marked that requirement weak in {libraryPath} (its only symbol, {OnlySymbol}, is never called).";
    }

    /// <summary>Adapts the wrapper beside <c>TorchSharp.dll</c> on Linux x64 (nothing elsewhere).</summary>
    public static string AdaptBesideTorchSharp()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return $"{RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}: no adaptation (it is for Linux x64 only).";
        }

        var directory = Path.GetDirectoryName(typeof(global::TorchSharp.torch).Assembly.Location)
            ?? throw new InvalidOperationException("TorchSharp.dll has no location on disk.");
        return Adapt(DefaultLibraryPath(directory), HostLibStdCxx());
    }

    private static bool IsInNuGetCache(string path)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var full = Path.GetFullPath(path);
        return full.StartsWith(Path.GetFullPath(cache) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
