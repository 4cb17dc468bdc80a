using Controller.Learning.TorchSharp;

namespace Controller.Learning.TorchSharp.Tests;

/// <summary>Loads the backend once per test process (adapting the native wrapper where this host needs it).</summary>
internal static class TorchSharpFixture
{
    private static readonly Lazy<TorchSharpBackend> Loaded = new(() => TorchSharpBackend.Load(threads: 1));

    public static TorchSharpBackend Backend => Loaded.Value;
}
