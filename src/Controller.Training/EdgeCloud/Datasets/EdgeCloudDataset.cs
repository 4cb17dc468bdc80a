using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud.Acceptance;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// Everything shipped in <c>datasets/edge-cloud/</c>, written from code: one trace and config per
/// <see cref="ChannelTracePresets"/> entry, <c>devices.csv</c> and <c>acceptance.csv</c>. The CLI's
/// <c>traces generate --all</c> calls <see cref="WriteAll"/>; a test checks the shipped files equal it.
/// </summary>
public static class EdgeCloudDataset
{
    public const string DevicesFile = "devices.csv";

    public const string AcceptanceFile = "acceptance.csv";

    /// <summary>Writes every file under <paramref name="directory"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var written = new List<string>();
        foreach (var preset in ChannelTracePresets.All)
        {
            ShippedChannelTraces.Write(directory, preset);
            written.Add(ShippedChannelTraces.ConfigPath(directory, preset.Name));
            written.Add(ShippedChannelTraces.TracePath(directory, preset.Name));
        }

        string devices = Path.Combine(directory, DevicesFile);
        DeviceClassCsv.Write(devices, DeviceProfiles.All);
        written.Add(devices);
        string acceptance = Path.Combine(directory, AcceptanceFile);
        AcceptanceTableCsv.Write(acceptance, AcceptanceTable.Default);
        written.Add(acceptance);
        return written;
    }
}
