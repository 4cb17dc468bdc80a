using Controller.Learning.TorchSharp.Native;

namespace Controller.Learning.TorchSharp.Tests.Native;

/// <summary>
/// The adaptation on a scratch copy of the shipped wrapper (read from the NuGet cache, never written there): exactly one
/// version requirement becomes weak, the bytes change only in its flags, a host that has the version changes nothing.
/// </summary>
public sealed class LibTorchSharpAdaptationTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("libtorchsharp-adaptation-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Adapt_HostWithoutTheVersion_MarksOnlyThatRequirementWeak()
    {
        var library = CopyOfShippedLibrary();
        var host = FakeLibStdCxx(definesMissingVersion: false);
        var before = File.ReadAllBytes(library);
        var requirementsBefore = ElfVersionNeeds.Read(library).Requirements;

        var message = LibTorchSharpAdaptation.Adapt(library, host);

        var after = File.ReadAllBytes(library);
        var requirementsAfter = ElfVersionNeeds.Read(library).Requirements;
        Assert.Contains("marked that requirement weak", message, StringComparison.Ordinal);
        Assert.Equal(before.Length, after.Length);
        Assert.Single(Enumerable.Range(0, before.Length), i => before[i] != after[i]);
        Assert.Equal(requirementsBefore.Count, requirementsAfter.Count);
        for (var i = 0; i < requirementsBefore.Count; i++)
        {
            var expectWeak = requirementsBefore[i].Version == LibTorchSharpAdaptation.MissingVersion || requirementsBefore[i].Weak;
            Assert.Equal((requirementsBefore[i].Version, expectWeak), (requirementsAfter[i].Version, requirementsAfter[i].Weak));
        }
    }

    [Fact]
    public void Adapt_ShippedLibrary_BindsTheMissingVersionToOneUncalledSymbol()
    {
        var elf = ElfVersionNeeds.Read(ShippedLibrary());

        var requirement = Assert.Single(elf.Requirements, r => r.Version == LibTorchSharpAdaptation.MissingVersion);

        Assert.False(requirement.Weak);
        Assert.Equal([LibTorchSharpAdaptation.OnlySymbol], elf.SymbolsOf(requirement));
    }

    [Fact]
    public void Adapt_HostThatDefinesTheVersion_LeavesTheLibraryUnchanged()
    {
        var library = CopyOfShippedLibrary();
        var before = File.ReadAllBytes(library);

        var message = LibTorchSharpAdaptation.Adapt(library, FakeLibStdCxx(definesMissingVersion: true));

        Assert.Contains("not adapted", message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(library));
    }

    [Fact]
    public void Adapt_AlreadyAdapted_ChangesNothingAndSaysSo()
    {
        var library = CopyOfShippedLibrary();
        var host = FakeLibStdCxx(definesMissingVersion: false);
        LibTorchSharpAdaptation.Adapt(library, host);
        var once = File.ReadAllBytes(library);

        var message = LibTorchSharpAdaptation.Adapt(library, host);

        Assert.Contains("already weak", message, StringComparison.Ordinal);
        Assert.Equal(once, File.ReadAllBytes(library));
    }

    [Fact]
    public void Adapt_MissingLibrary_ThrowsNamingThePath()
    {
        var missing = Path.Combine(_scratch, "libLibTorchSharp.so");

        var error = Assert.Throws<FileNotFoundException>(() => LibTorchSharpAdaptation.Adapt(missing, null));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAnElfFile_ThrowsNamingTheFile()
    {
        var text = Path.Combine(_scratch, "not-elf.so");
        File.WriteAllText(text, "this is not a shared library, just text long enough to hold an ELF header's worth of bytes");

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    // The wrapper as TorchSharp ships it: the NuGet cache's copy (only read), not the build output's (adapted on load).
    private static string ShippedLibrary()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = typeof(global::TorchSharp.torch).Assembly.GetName().Version!;
        var path = Path.Combine(cache, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(path), $"the shipped wrapper is not at {path}");
        return path;
    }

    private string CopyOfShippedLibrary()
    {
        var copy = Path.Combine(_scratch, "libLibTorchSharp.so");
        File.Copy(ShippedLibrary(), copy);
        return copy;
    }

    private string FakeLibStdCxx(bool definesMissingVersion)
    {
        var path = Path.Combine(_scratch, definesMissingVersion ? "libstdc++-gcc13.so.6" : "libstdc++-gcc12.so.6");
        File.WriteAllText(path, definesMissingVersion ? $"GLIBCXX_3.4.30\0GLIBCXX_3.4.31\0{LibTorchSharpAdaptation.MissingVersion}\0" : "GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0");
        return path;
    }
}
