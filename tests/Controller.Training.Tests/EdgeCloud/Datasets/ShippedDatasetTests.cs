using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud.Acceptance;
using Controller.Training.EdgeCloud.Datasets;

namespace Controller.Training.Tests.EdgeCloud.Datasets;

/// <summary>The files in datasets/edge-cloud parse and are exactly what their generator writes, so they cannot drift.</summary>
public sealed class ShippedDatasetTests
{
    public static TheoryData<string> Presets => new(ChannelTracePresets.Names);

    [Theory]
    [MemberData(nameof(Presets))]
    public void ShippedConfig_EqualsPreset(string preset)
    {
        var shipped = ChannelTraceConfigJson.Read(ShippedChannelTraces.ConfigPath(ShippedData.EdgeCloudDirectory, preset));

        Assert.Equal(ChannelTracePresets.Get(preset), shipped);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void ShippedTrace_EqualsGeneratorOutputFromShippedConfig(string preset)
    {
        string dir = ShippedData.EdgeCloudDirectory;
        var config = ChannelTraceConfigJson.Read(ShippedChannelTraces.ConfigPath(dir, preset));
        string expected = ChannelTraceCsv.ToCsv(ChannelTraceGenerator.Generate(config).Samples);

        Assert.Equal(expected, File.ReadAllText(ShippedChannelTraces.TracePath(dir, preset)));
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Load_ShippedTrace_ParsesWithNetworkFromConfig(string preset)
    {
        var trace = ShippedChannelTraces.Load(ShippedData.EdgeCloudDirectory, preset);

        Assert.Equal(preset, trace.Name);
        Assert.Equal(ChannelTracePresets.Get(preset).Network, trace.Network);
        Assert.Equal(ChannelTracePresets.DefaultDurationSeconds, trace.DurationSeconds);
        Assert.True(new FileInfo(ShippedChannelTraces.TracePath(ShippedData.EdgeCloudDirectory, preset)).Length < 200_000);
    }

    [Theory]
    [InlineData(Controller.Contracts.NetworkType.WiFi, "wifi")]
    [InlineData(Controller.Contracts.NetworkType.FiveG, "5g")]
    [InlineData(Controller.Contracts.NetworkType.Lte, "lte")]
    [InlineData(Controller.Contracts.NetworkType.PoorCell, "poor-cell")]
    public void Load_ByNetworkType_LoadsThatNetworksTrace(Controller.Contracts.NetworkType network, string expectedName)
    {
        var trace = ShippedChannelTraces.Load(ShippedData.EdgeCloudDirectory, network);

        Assert.Equal(expectedName, trace.Name);
        Assert.Equal(network, trace.Network);
    }

    [Fact]
    public void Load_Wired_ThrowsNamingNetwork() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShippedChannelTraces.Load(ShippedData.EdgeCloudDirectory, Controller.Contracts.NetworkType.Wired));

    [Fact]
    public void ShippedDevices_EqualsCatalogue() =>
        Assert.Equal(DeviceClassCsv.ToCsv(DeviceProfiles.All), File.ReadAllText(Path.Combine(ShippedData.EdgeCloudDirectory, EdgeCloudDataset.DevicesFile)));

    [Fact]
    public void ShippedAcceptance_EqualsDefaultTableAndReadsBack()
    {
        string path = Path.Combine(ShippedData.EdgeCloudDirectory, EdgeCloudDataset.AcceptanceFile);

        Assert.Equal(AcceptanceTableCsv.ToCsv(AcceptanceTable.Default), File.ReadAllText(path));
        Assert.Equal(AcceptanceTable.Default.Entries, AcceptanceTableCsv.Read(path).Entries);
    }

    [Fact]
    public void WriteAll_TwiceToFreshFolders_ByteIdenticalFiles()
    {
        string a = Path.Combine(Path.GetTempPath(), $"edge-cloud-a-{Guid.NewGuid():N}");
        string b = Path.Combine(Path.GetTempPath(), $"edge-cloud-b-{Guid.NewGuid():N}");
        try
        {
            var written = EdgeCloudDataset.WriteAll(a);
            EdgeCloudDataset.WriteAll(b);

            foreach (string file in written)
            {
                string relative = Path.GetRelativePath(a, file);
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(b, relative)));
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(ShippedData.EdgeCloudDirectory, relative)));
            }
        }
        finally
        {
            Directory.Delete(a, recursive: true);
            Directory.Delete(b, recursive: true);
        }
    }
}
