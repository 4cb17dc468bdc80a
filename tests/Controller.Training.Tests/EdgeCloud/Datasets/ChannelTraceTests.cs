using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Datasets;

namespace Controller.Training.Tests.EdgeCloud.Datasets;

public sealed class ChannelTraceTests
{
    private static readonly TraceSample[] Rows =
    [
        new(0, 10, 50, 40, true),
        new(1, 20, 60, 45, true),
        new(2, 0, 0, 0, false),
        new(3, 30, 70, 50, true),
    ];

    private static ChannelTrace Trace() => new("test", NetworkType.Lte, Rows);

    [Fact]
    public void DurationSeconds_UniformRows_LastRowLastsOneStep() => Assert.Equal(4, Trace().DurationSeconds);

    [Theory]
    [InlineData(0.0, 10)]
    [InlineData(0.999, 10)]
    [InlineData(1.0, 20)]
    [InlineData(1.5, 20)]
    [InlineData(3.2, 30)]
    public void At_InsideTrace_ReturnsRowInForce(double time, double expectedUplink)
    {
        var state = Trace().At(time);

        Assert.True(state.IsUp);
        Assert.Equal(expectedUplink, state.UplinkMbps);
    }

    [Fact]
    public void At_DownRow_ReturnsUnreachableLink() => Assert.Equal(ChannelState.Down, Trace().At(2.5));

    [Theory]
    [InlineData(4.0, 0.0)]
    [InlineData(5.5, 1.5)]
    [InlineData(403.2, 3.2)]
    public void At_PastDuration_WrapsAround(double time, double equivalent)
    {
        var trace = Trace();

        Assert.Equal(trace.At(equivalent), trace.At(time));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void At_BadTime_Throws(double time) => Assert.Throws<ArgumentOutOfRangeException>(() => Trace().At(time));

    [Fact]
    public void Constructor_TimeNotIncreasing_Throws()
    {
        TraceSample[] rows = [new(0, 1, 1, 1, true), new(1, 1, 1, 1, true), new(1, 1, 1, 1, true)];

        Assert.Throws<ArgumentException>(() => new ChannelTrace("bad", NetworkType.Lte, rows));
    }

    [Fact]
    public void Constructor_UpRowWithZeroRate_Throws()
    {
        TraceSample[] rows = [new(0, 1, 1, 1, true), new(1, 0, 1, 1, true)];

        Assert.Throws<ArgumentException>(() => new ChannelTrace("bad", NetworkType.Lte, rows));
    }

    [Fact]
    public void At_ManyLookups_DoesNotAllocate()
    {
        var trace = ChannelTraceGenerator.Generate(ChannelTracePresets.Lte);
        // The first pass lets the JIT finish with the loop (tiering and on-stack replacement allocate on this thread, about
        // 3.7 KB seen once under load); the second pass measures the lookups alone.
        Lookups(trace);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var sum = Lookups(trace);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }

    private static double Lookups(ChannelTrace trace)
    {
        double sum = 0;
        for (int i = 0; i < 10_000; i++)
        {
            sum += trace.At(i * 0.73).RttMs;
        }

        return sum;
    }

    [Fact]
    public void MarkovChannelTrace_Lte_StaysInsideProfileRanges()
    {
        var trace = MarkovChannelTrace.Generate(NetworkProfiles.Lte, durationSeconds: 3600, stepSeconds: 1, seed: 5);
        var s = ChannelTraceSummary.Of(trace);

        Assert.Equal(3600, trace.DurationSeconds);
        Assert.InRange(s.UplinkMbps.Min, NetworkProfiles.Lte.Bad.UplinkMbps.Min, NetworkProfiles.Lte.Good.UplinkMbps.Max);
        Assert.InRange(s.UplinkMbps.Max, NetworkProfiles.Lte.Bad.UplinkMbps.Min, NetworkProfiles.Lte.Good.UplinkMbps.Max);
        Assert.InRange(s.RttMs.Min, NetworkProfiles.Lte.Good.RttMs.Min, NetworkProfiles.Lte.Bad.RttMs.Max);
        Assert.InRange(s.RttMs.Max, NetworkProfiles.Lte.Good.RttMs.Min, NetworkProfiles.Lte.Bad.RttMs.Max);
    }
}
