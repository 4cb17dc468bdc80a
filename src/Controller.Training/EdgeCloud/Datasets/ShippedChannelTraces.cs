namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// The traces shipped in <c>datasets/edge-cloud/</c>: <c>traces/NAME.csv</c> holds the rows,
/// <c>configs/NAME.json</c> the generator config that produced them (and the trace's network type).
/// </summary>
public static class ShippedChannelTraces
{
    public const string TracesFolder = "traces";

    public const string ConfigsFolder = "configs";

    public static string TracePath(string edgeCloudDirectory, string name) => Path.Combine(edgeCloudDirectory, TracesFolder, name + ".csv");

    public static string ConfigPath(string edgeCloudDirectory, string name) => Path.Combine(edgeCloudDirectory, ConfigsFolder, name + ".json");

    /// <summary>Loads trace <paramref name="name"/> (e.g. <c>lte</c>) from <paramref name="edgeCloudDirectory"/> (e.g. <c>datasets/edge-cloud</c>).</summary>
    /// <exception cref="TraceFormatException">Either file is missing or malformed.</exception>
    public static ChannelTrace Load(string edgeCloudDirectory, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(edgeCloudDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var config = ChannelTraceConfigJson.Read(ConfigPath(edgeCloudDirectory, name));
        return ChannelTraceCsv.Read(TracePath(edgeCloudDirectory, name), config.Network, config.Name);
    }

    /// <summary>Loads the shipped trace of <paramref name="network"/>'s preset (see <see cref="ChannelTracePresets.For"/>).</summary>
    public static ChannelTrace Load(string edgeCloudDirectory, Controller.Contracts.NetworkType network) =>
        Load(edgeCloudDirectory, ChannelTracePresets.For(network).Name);

    /// <summary>Generates <paramref name="config"/>'s trace and writes both its CSV and its config.</summary>
    public static ChannelTrace Write(string edgeCloudDirectory, ChannelTraceGeneratorConfig config)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(edgeCloudDirectory);
        ArgumentNullException.ThrowIfNull(config);
        var trace = ChannelTraceGenerator.Generate(config);
        ChannelTraceConfigJson.Write(ConfigPath(edgeCloudDirectory, config.Name), config);
        ChannelTraceCsv.Write(TracePath(edgeCloudDirectory, config.Name), trace.Samples);
        return trace;
    }
}
