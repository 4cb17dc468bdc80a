using Controller.EdgeAgent.Probes;

namespace Controller.EdgeAgent.Tests.Probes;

public sealed class NetworkEstimatorTests
{
    [Fact]
    public void Current_NoSamples_EverythingUnknown()
    {
        Assert.Equal(new NetworkEstimate(null, null, null, null, 0), new NetworkEstimator().Current);
    }

    [Fact]
    public void ObserveRoundTrip_Samples_FollowsRfc6298()
    {
        var estimator = new NetworkEstimator();
        estimator.ObserveRoundTrip(TimeSpan.FromMilliseconds(100));
        Assert.Equal(100, estimator.Current.RttMs);
        Assert.Equal(50, estimator.Current.RttVariationMs);

        estimator.ObserveRoundTrip(TimeSpan.FromMilliseconds(20));

        // RTTVAR = 3/4·50 + 1/4·|100 − 20| = 57.5; SRTT = 7/8·100 + 1/8·20 = 90.
        Assert.Equal(90, estimator.Current.RttMs!.Value, 9);
        Assert.Equal(57.5, estimator.Current.RttVariationMs!.Value, 9);
        Assert.Equal(2, estimator.Current.Samples);
    }

    [Fact]
    public void ObserveTransfer_LargeTransfers_SmoothedPerDirection()
    {
        var estimator = new NetworkEstimator(throughputGain: 0.5, minTransferBytes: 1000);
        estimator.ObserveTransfer(1_000_000, TimeSpan.FromSeconds(1), uplink: true);
        estimator.ObserveTransfer(2_000_000, TimeSpan.FromSeconds(1), uplink: true);
        estimator.ObserveTransfer(10_000_000, TimeSpan.FromSeconds(2), uplink: false);

        Assert.Equal(12, estimator.Current.UplinkMbps!.Value, 9);
        Assert.Equal(40, estimator.Current.DownlinkMbps!.Value, 9);
        Assert.Null(estimator.Current.RttMs);
    }

    [Theory]
    [InlineData(999, 1.0)]
    [InlineData(0, 1.0)]
    [InlineData(-5, 1.0)]
    [InlineData(1_000_000, 0.0)]
    [InlineData(1_000_000, -1.0)]
    public void ObserveTransfer_TooSmallOrBadTime_Ignored(long bytes, double seconds)
    {
        var estimator = new NetworkEstimator(minTransferBytes: 1000);

        estimator.ObserveTransfer(bytes, TimeSpan.FromSeconds(seconds), uplink: false);
        estimator.ObserveRoundTrip(TimeSpan.Zero);
        estimator.ObserveRoundTrip(TimeSpan.FromMilliseconds(-3));

        Assert.Equal(0, estimator.Current.Samples);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_GainOutOfRange_ThrowsNamingIt(double gain)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkEstimator(gain));
        Assert.Equal("throughputGain", error.ParamName);
    }
}
