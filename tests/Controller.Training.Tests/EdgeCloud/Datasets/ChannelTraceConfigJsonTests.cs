using Controller.Training.EdgeCloud.Datasets;

namespace Controller.Training.Tests.EdgeCloud.Datasets;

public sealed class ChannelTraceConfigJsonTests
{
    [Fact]
    public void WriteThenRead_EveryPreset_EqualConfig()
    {
        foreach (var preset in ChannelTracePresets.All)
        {
            using var file = new TempFile(".json");

            ChannelTraceConfigJson.Write(file.Path, preset);

            Assert.Equal(preset, ChannelTraceConfigJson.Read(file.Path));
        }
    }

    [Fact]
    public void Read_MissingFile_NamesFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-config-{Guid.NewGuid():N}.json");

        var ex = Assert.Throws<TraceFormatException>(() => ChannelTraceConfigJson.Read(path));

        Assert.Equal(path, ex.FilePath);
    }

    [Fact]
    public void Read_InvalidValueInDownlink_NamesDownlinkFieldAndItsLine()
    {
        string json = ChannelTraceConfigJson.ToJson(ChannelTracePresets.Lte with
        {
            Downlink = ChannelTracePresets.Lte.Downlink with { MinMbps = -1 },
        });
        int expectedLine = 1 + json[..json.IndexOf("\"downlink\"", StringComparison.Ordinal)].Count(c => c == '\n')
            + json[json.IndexOf("\"downlink\"", StringComparison.Ordinal)..].Split('\n').TakeWhile(l => !l.Contains("\"minMbps\"", StringComparison.Ordinal)).Count();
        using var file = new TempFile(".json", json);

        var ex = Assert.Throws<TraceFormatException>(() => ChannelTraceConfigJson.Read(file.Path));

        Assert.Equal("Downlink.MinMbps", ex.Field);
        Assert.Equal(expectedLine, ex.LineNumber);
        Assert.Contains(file.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownProperty_NamesItsPathAndLine()
    {
        string json = ChannelTraceConfigJson.ToJson(ChannelTracePresets.Lte).Replace("\"bandwidthMhz\"", "\"gainDb\": 3,\n    \"bandwidthMhz\"", StringComparison.Ordinal);
        using var file = new TempFile(".json", json);

        var ex = Assert.Throws<TraceFormatException>(() => ChannelTraceConfigJson.Read(file.Path));

        Assert.Contains("gainDb", ex.Field, StringComparison.Ordinal);
        Assert.True(ex.LineNumber > 1, ex.Message);
    }

    [Fact]
    public void Read_NotJson_NamesLine()
    {
        using var file = new TempFile(".json", "{\n  \"name\": \"lte\",\n  oops\n}");

        var ex = Assert.Throws<TraceFormatException>(() => ChannelTraceConfigJson.Read(file.Path));

        Assert.Equal(3, ex.LineNumber);
    }

    [Fact]
    public void Read_MissingSection_NamesIt()
    {
        string json = ChannelTraceConfigJson.ToJson(ChannelTracePresets.Lte);
        int start = json.IndexOf("  \"outage\"", StringComparison.Ordinal);
        string without = json[..start].TrimEnd().TrimEnd(',') + "\n}\n";
        using var file = new TempFile(".json", without);

        var ex = Assert.Throws<TraceFormatException>(() => ChannelTraceConfigJson.Read(file.Path));

        Assert.Contains("outage", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
