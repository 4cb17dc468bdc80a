namespace Controller.Testing;

/// <summary>The checkout the tests run from, for tests that read files it ships (README.md, docker-compose.yml).</summary>
public static class RepositoryRoot
{
    /// <summary>The nearest folder above the test binaries that holds Controller.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Controller.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Controller.sln above {AppContext.BaseDirectory}; the tests run from inside the repository.");
    }
}
