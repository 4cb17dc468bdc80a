namespace Controller.Training.Tests.Tmo.Datasets;

/// <summary>Finds the real M4A1 dataset beside the repository (<c>../shared/m4a1/M4A1.json</c>).</summary>
internal static class M4A1Files
{
    public static string DatasetPath { get; } = Locate();

    public static bool Available => File.Exists(DatasetPath);

    public const string SkipReason =
        "M4A1.json not found at ../shared/m4a1/M4A1.json beside the repository; download data/M4A1.json from the TMO repository (liangqiyuan/TMO) to run these tests.";

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Controller.sln")))
        {
            directory = directory.Parent;
        }

        var repositoryRoot = directory?.FullName ?? AppContext.BaseDirectory;
        return Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "m4a1", "M4A1.json"));
    }
}

/// <summary>A fact that needs the real M4A1 file; skipped with directions when it is absent.</summary>
public sealed class M4A1FactAttribute : FactAttribute
{
    public M4A1FactAttribute()
    {
        if (!M4A1Files.Available)
        {
            Skip = M4A1Files.SkipReason;
        }
    }
}

/// <summary>A theory that needs the real M4A1 file; skipped with directions when it is absent.</summary>
public sealed class M4A1TheoryAttribute : TheoryAttribute
{
    public M4A1TheoryAttribute()
    {
        if (!M4A1Files.Available)
        {
            Skip = M4A1Files.SkipReason;
        }
    }
}
