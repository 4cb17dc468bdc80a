using Controller.Contracts;
using Controller.Training.EdgeCloud.Datasets;

namespace Controller.Training.Tests.EdgeCloud.Datasets;

public sealed class ChannelTraceCsvTests
{
    private const string Good = ChannelTraceCsv.Header + "\n0,5,20,50,1\n1,4.5,18,55,1\n2,0,0,0,0\n";

    [Fact]
    public void Read_WellFormedFile_ReturnsRows()
    {
        using var file = new TempFile(".csv", Good);

        var trace = ChannelTraceCsv.Read(file.Path, NetworkType.Lte);

        Assert.Equal(3, trace.Samples.Count);
        Assert.Equal(NetworkType.Lte, trace.Network);
        Assert.Equal(System.IO.Path.GetFileNameWithoutExtension(file.Path), trace.Name);
        Assert.Equal(new TraceSample(1, 4.5, 18, 55, true), trace.Samples[1]);
        Assert.False(trace.At(2.5).IsUp);
    }

    [Fact]
    public void WriteThenRead_GeneratedTrace_SameRowsExactly()
    {
        var generated = ChannelTraceGenerator.Generate(ChannelTracePresets.PoorCell);
        using var file = new TempFile(".csv");

        ChannelTraceCsv.Write(file.Path, generated.Samples);
        var read = ChannelTraceCsv.Read(file.Path, generated.Network, generated.Name);

        Assert.Equal(generated.Samples, read.Samples);
        Assert.Equal(generated.DurationSeconds, read.DurationSeconds);
    }

    [Fact]
    public void Read_MissingFile_NamesFile()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"no-such-trace-{Guid.NewGuid():N}.csv");

        var ex = Assert.Throws<TraceFormatException>(() => ChannelTraceCsv.Read(path, NetworkType.Lte));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1, "(header)")]
    [InlineData("time,uplink_mbps,downlink_mbps,rtt_ms,link_up\n0,1,1,1,1\n1,1,1,1,1\n", 1, "time_s")]
    [InlineData("time_s,uplink_mbps,downlink_mbps,rtt_ms\n0,1,1,1\n", 1, "link_up")]
    [InlineData(ChannelTraceCsv.Header + ",extra\n0,1,1,1,1,1\n", 1, "extra")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n1,fast,20,50,1\n", 3, "uplink_mbps")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,NaN,50,1\n1,5,20,50,1\n", 2, "downlink_mbps")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n1,5,20,Infinity,1\n", 3, "rtt_ms")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n1,5,20,-3,1\n", 3, "rtt_ms")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n1,5,20,50,1\n1,5,20,50,1\n", 4, "time_s")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n2,5,20,50,1\n1,5,20,50,1\n", 4, "time_s")]
    [InlineData(ChannelTraceCsv.Header + "\n1,5,20,50,1\n2,5,20,50,1\n", 2, "time_s")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n1,0,20,50,1\n", 3, "uplink_mbps")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n1,5,0,50,1\n", 3, "downlink_mbps")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n1,5,20,50,yes\n", 3, "link_up")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n1,5,20\n", 3, "rtt_ms")]
    [InlineData(ChannelTraceCsv.Header + "\n0,5,20,50,1\n", 2, "(rows)")]
    public void Read_MalformedInput_NamesFileLineAndField(string content, int line, string field)
    {
        using var file = new TempFile(".csv", content);

        var ex = Assert.Throws<TraceFormatException>(() => ChannelTraceCsv.Read(file.Path, NetworkType.Lte));

        Assert.Equal(file.Path, ex.FilePath);
        Assert.Equal(line, ex.LineNumber);
        Assert.Equal(field, ex.Field);
        Assert.StartsWith($"{file.Path}:{line}: field '{field}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_AnyCulture_UsesInvariantDecimalPoint()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            // Invariant globalization is on, so build a comma-decimal culture instead of loading de-DE.
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            Thread.CurrentThread.CurrentCulture = comma;
            string csv = ChannelTraceCsv.ToCsv([new TraceSample(0, 1.5, 2.25, 30.5, true)]);

            Assert.Equal(ChannelTraceCsv.Header + "\n0,1.5,2.25,30.5,1\n", csv);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
