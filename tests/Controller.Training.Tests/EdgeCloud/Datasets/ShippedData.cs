namespace Controller.Training.Tests.EdgeCloud.Datasets;

/// <summary>Finds <c>datasets/edge-cloud</c> in the checkout the tests were built from.</summary>
internal static class ShippedData
{
    public static string EdgeCloudDirectory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Controller.sln")))
            {
                return Path.Combine(dir.FullName, "datasets", "edge-cloud");
            }
        }

        throw new DirectoryNotFoundException($"No Controller.sln above {AppContext.BaseDirectory}; cannot find datasets/edge-cloud.");
    }
}
