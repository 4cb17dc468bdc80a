using Controller.Contracts;
using Controller.Training.EdgeCloud.Datasets;

namespace Controller.Training.Tests.EdgeCloud.Datasets;

public sealed class ChannelTraceGeneratorTests
{
    /// <summary>
    /// The reference's "Parameter ranges for simulation" (reference/speculative-decoding.md), typed here
    /// on purpose: the presets must stay inside the source, not inside themselves. Poor-cell downlink
    /// has no reference range; NetworkProfiles.PoorCell's 0.5–10 is used.
    /// </summary>
    public static TheoryData<string, double, double, double, double, double, double> ReferenceRanges => new()
    {
        // preset, uplink min/max, downlink min/max, RTT min/max
        { "wifi", 20, 200, 50, 500, 10, 30 },
        { "5g", 5, 30, 100, 300, 25, 50 },
        { "lte", 2, 10, 10, 50, 40, 80 },
        { "poor-cell", 0.2, 2, 0.5, 10, 100, 300 },
    };

    private static ChannelTraceGeneratorConfig Long(string preset) =>
        ChannelTracePresets.Get(preset) with { DurationSeconds = 24 * 3600, Seed = 2024 };

    [Theory]
    [MemberData(nameof(ReferenceRanges))]
    public void Generate_LongRun_MarginalsInsideReferenceRanges(string preset, double upMin, double upMax, double downMin, double downMax, double rttMin, double rttMax)
    {
        var trace = ChannelTraceGenerator.Generate(Long(preset));
        var up = Column(trace, s => s.UplinkMbps);
        var down = Column(trace, s => s.DownlinkMbps);
        var rtt = Column(trace, s => s.RttMs);

        Assert.InRange(up[0], upMin, upMax);
        Assert.InRange(up[^1], upMin, upMax);
        Assert.InRange(down[0], downMin, downMax);
        Assert.InRange(down[^1], downMin, downMax);
        Assert.InRange(rtt[0], rttMin, rttMax);
        Assert.InRange(rtt[^1], rttMin, rttMax);

        // Not pinned to a clamp: the middle 80 % of the time spans at least a third of each range
        // (in log terms for rates, which spread multiplicatively).
        Assert.True(Math.Log(Quantile(up, 0.9) / Quantile(up, 0.1)) > Math.Log(upMax / upMin) / 3, $"uplink p10–p90 too narrow on {preset}");
        Assert.True(Math.Log(Quantile(down, 0.9) / Quantile(down, 0.1)) > Math.Log(downMax / downMin) / 3, $"downlink p10–p90 too narrow on {preset}");
        Assert.True(Quantile(rtt, 0.9) - Quantile(rtt, 0.1) > (rttMax - rttMin) / 3, $"RTT p10–p90 too narrow on {preset}");
    }

    [Theory]
    [InlineData("wifi")]
    [InlineData("5g")]
    [InlineData("lte")]
    [InlineData("poor-cell")]
    public void Generate_LongRun_MediansAndOutageShareMatchConfig(string preset)
    {
        var config = Long(preset);
        var summary = ChannelTraceSummary.Of(ChannelTraceGenerator.Generate(config));

        // Tolerances: ±15 % on medians (a day of a ρ = 0.97 process is ≈ 1,400 independent draws, and
        // outages remove a few %), ±40 % relative on the down share (only tens of outages on Wi-Fi).
        Assert.InRange(summary.UplinkMbps.Median, config.Uplink.MedianMbps * 0.85, config.Uplink.MedianMbps * 1.15);
        Assert.InRange(summary.DownlinkMbps.Median, config.Downlink.MedianMbps * 0.85, config.Downlink.MedianMbps * 1.15);
        Assert.InRange(summary.RttMs.Median, config.Rtt.MedianMs * 0.85, config.Rtt.MedianMs * 1.15);
        Assert.InRange(summary.DownShare, config.Outage.DownShare * 0.6, config.Outage.DownShare * 1.4);
        Assert.True(summary.Outages > 10, $"{summary.Outages} outages in a day on {preset}");
    }

    [Fact]
    public void Generate_5G_UplinkMedianNearFifteen()
    {
        // The reference gives 5G uplink a median of ≈ 15 Mb/s explicitly.
        var summary = ChannelTraceSummary.Of(ChannelTraceGenerator.Generate(Long("5g")));

        Assert.InRange(summary.UplinkMbps.Median, 13, 17);
    }

    [Fact]
    public void Generate_SameSeed_ByteIdenticalCsv()
    {
        string first = ChannelTraceCsv.ToCsv(ChannelTraceGenerator.Generate(ChannelTracePresets.Lte).Samples);
        string second = ChannelTraceCsv.ToCsv(ChannelTraceGenerator.Generate(ChannelTracePresets.Lte with { }).Samples);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentTrace()
    {
        var a = ChannelTraceGenerator.Generate(ChannelTracePresets.Lte);
        var b = ChannelTraceGenerator.Generate(ChannelTracePresets.Lte with { Seed = ChannelTracePresets.Lte.Seed + 1 });

        Assert.NotEqual(ChannelTraceCsv.ToCsv(a.Samples), ChannelTraceCsv.ToCsv(b.Samples));
    }

    [Fact]
    public void Generate_GaussMarkov_ConsecutiveStepsCorrelated()
    {
        // With ρ = 0.95 per step the rate one second later is close to the rate now; independent draws
        // (as in the per-request Markov channel) would give a correlation near 0.
        var rows = ChannelTraceGenerator.Generate(Long("lte")).Samples;
        var pairs = rows.Zip(rows.Skip(1)).Where(p => p.First.LinkUp && p.Second.LinkUp).ToArray();

        double correlation = Correlation(pairs.Select(p => p.First.UplinkMbps).ToArray(), pairs.Select(p => p.Second.UplinkMbps).ToArray());

        Assert.InRange(correlation, 0.85, 1.0);
    }

    [Fact]
    public void Generate_Config_RowsAndDurationFollowStep()
    {
        var trace = ChannelTraceGenerator.Generate(ChannelTracePresets.WiFi with { DurationSeconds = 60, StepSeconds = 0.5 });

        Assert.Equal(120, trace.Samples.Count);
        Assert.Equal(60, trace.DurationSeconds);
        Assert.Equal(NetworkType.WiFi, trace.Network);
        Assert.Equal(59.5, trace.Samples[^1].TimeSeconds);
    }

    [Fact]
    public void Generate_InvalidConfig_ThrowsNamingField()
    {
        var bad = ChannelTracePresets.Lte with { Uplink = ChannelTracePresets.Lte.Uplink with { Correlation = 1 } };

        var ex = Assert.Throws<ArgumentException>(() => ChannelTraceGenerator.Generate(bad));

        Assert.Equal("Uplink.Correlation", ex.ParamName);
    }

    [Fact]
    public void Validate_MissingSection_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => (ChannelTracePresets.Lte with { Rtt = null! }).Validate());

        Assert.Equal("Rtt", ex.ParamName);
    }

    [Fact]
    public void RateMbps_InverseOfSnrDbForRate()
    {
        double snr = LinkRateConfig.SnrDbForRate(15, 10);

        Assert.Equal(15, LinkRateConfig.RateMbps(snr, 10), 9);
        Assert.Equal(10 * Math.Log2(1 + Math.Pow(10, snr / 10)), LinkRateConfig.RateMbps(snr, 10), 12);
    }

    private static double[] Column(ChannelTrace trace, Func<TraceSample, double> column) =>
        trace.Samples.Where(s => s.LinkUp).Select(column).Order().ToArray();

    private static double Quantile(double[] sorted, double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average();
        double my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
