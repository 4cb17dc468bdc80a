using System.Collections.Concurrent;
using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Datasets;
using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>
/// The one place that decides which channel traces and thermal model the edge–cloud environment simulates,
/// so training and evaluation build the same world. Thermal: <see cref="ThermalModel"/> with the device's
/// <see cref="ThermalProfiles"/> entry (nominal speed with <c>--thermal off</c>). Channel: training generates a
/// fresh Gauss–Markov trace per simulated device from the network's preset (<see cref="ChannelTracePresets"/>)
/// with the device's seed; evaluation replays the traces shipped in <c>datasets/edge-cloud/traces</c> (generated
/// from the same presets with their own seeds, so never seen in training) from a seeded offset, or generated
/// traces when no directory is given. Wired links have no preset and use the two-state Markov trace.
/// </summary>
public static class EdgeCloudWorld
{
    private static readonly ConcurrentDictionary<(string, NetworkType), ChannelTrace> Shipped = new();

    /// <summary>Short description for reports.</summary>
    public static string Describe(string? tracesDirectory, bool thermal) =>
        (tracesDirectory is null ? "channel: generated Gauss–Markov traces per device (presets)" : $"channel: shipped traces from {Relative(tracesDirectory)}")
        + (thermal ? "; thermal: RC thermal model per device class" : "; thermal: off (nominal speed)");

    /// <summary>An environment for training: generated traces, one per simulated device.</summary>
    public static EdgeCloudEnvironment CreateEnvironment(EdgeCloudEnvironmentOptions options) => CreateEnvironment(options, tracesDirectory: null);

    /// <summary>An environment replaying the shipped traces in <paramref name="tracesDirectory"/> (null: generated traces).</summary>
    /// <exception cref="TraceFormatException">A shipped trace is missing or malformed; the message names the file.</exception>
    public static EdgeCloudEnvironment CreateEnvironment(EdgeCloudEnvironmentOptions options, string? tracesDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Func<NetworkProfile, int, IChannelTrace> traces = tracesDirectory is null
            ? Generated
            : (network, seed) => network.Type == NetworkType.Wired
                ? Generated(network, seed)
                : Shipped.GetOrAdd((Path.GetFullPath(tracesDirectory), network.Type), key => ShippedChannelTraces.Load(key.Item1, key.Item2));
        if (tracesDirectory is not null)
        {
            foreach (var network in options.Networks.Where(n => n != NetworkType.Wired))
            {
                _ = traces(NetworkProfiles.Get(network), 0);
            }
        }

        return new EdgeCloudEnvironment(options, traces, device => ThermalModel.For(device.Name));
    }

    /// <summary>
    /// <c>datasets/edge-cloud</c> found from <paramref name="start"/> or any parent directory (the repository root
    /// when run from a checkout); null when there is none.
    /// </summary>
    public static string? FindShippedDataset(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "datasets", "edge-cloud");
            if (Directory.Exists(Path.Combine(candidate, ShippedChannelTraces.TracesFolder)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Relative(string directory)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(directory));
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.Combine("…", "datasets", Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar))) : relative;
    }

    private static ChannelTrace Generated(NetworkProfile network, int seed) => network.Type == NetworkType.Wired
        ? MarkovChannelTrace.Generate(network, ChannelTracePresets.DefaultDurationSeconds, ChannelTracePresets.DefaultStepSeconds, seed)
        : ChannelTraceGenerator.Generate(ChannelTracePresets.For(network.Type) with { Seed = seed });
}
