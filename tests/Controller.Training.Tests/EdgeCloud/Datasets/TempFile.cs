namespace Controller.Training.Tests.EdgeCloud.Datasets;

/// <summary>A uniquely named file in the temp folder, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string extension, string? content = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"traces-test-{Guid.NewGuid():N}{extension}");
        if (content is not null)
        {
            File.WriteAllText(Path, content);
        }
    }

    public string Path { get; }

    public void Dispose()
    {
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }
}
