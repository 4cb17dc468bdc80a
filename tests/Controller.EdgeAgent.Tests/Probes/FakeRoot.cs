namespace Controller.EdgeAgent.Tests.Probes;

/// <summary>A throw-away directory laid out like <c>/proc</c> and <c>/sys</c>, for probes with an injected root.</summary>
internal sealed class FakeRoot : IDisposable
{
    public FakeRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "probe-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public FakeRoot Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public FakeRoot WriteBytes(string relative, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Uniquely named under the temp directory; the OS cleaner gets it.
        }
    }
}
