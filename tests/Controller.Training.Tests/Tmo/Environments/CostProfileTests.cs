using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Environments;

public sealed class CostProfileTests
{
    private static readonly ModalityActionSpace Space = new(3);

    [Fact]
    public void LocalCall_JetsonTx2_MatchesAnalyticFormula()
    {
        var device = TmoDeviceProfile.Get("jetson-tx2");

        // 2 · 3.8e9 / 1024 · 2048 = 1.52e10 FLOPs; / 1330e9 FLOP/s; · 15 W; · 4.633e-8 $/J.
        Assert.Equal(1.52e10, TmoDeviceProfile.LocalCallFlops, 1e-3);
        Assert.Equal(0.0114285714, device.LocalLatencyS, 1e-9);
        Assert.Equal(0.1714285714, device.LocalEnergyJ, 1e-9);
        Assert.Equal(7.9422857e-9, device.LocalUsageUsd, 1e-15);
    }

    [Fact]
    public void LocalCall_RaspberryPi4B_MatchesAnalyticFormula()
    {
        var device = TmoDeviceProfile.Get("Raspberry-Pi-4B");

        Assert.Equal(1.1259259259, device.LocalLatencyS, 1e-9);
        Assert.Equal(4.1731319e-7, device.LocalUsageUsd, 1e-13);
    }

    /// <summary>Every device of the reference table: 1.52e10 FLOPs / (GFLOPS·1e9) s, × P_max W × 4.633e-8 $/J (worked out by hand).</summary>
    [Theory]
    [InlineData("raspberry-pi-4b", 1.1259259259, 4.1731318519e-07)]
    [InlineData("raspberry-pi-5", 0.4840764331, 2.6912713376e-07)]
    [InlineData("jetson-nano", 0.0322033898, 1.4919830508e-08)]
    [InlineData("jetson-tx2", 0.0114285714, 7.9422857143e-09)]
    [InlineData("jetson-xavier-nx", 0.0007238095, 6.7068190476e-10)]
    [InlineData("jetson-orin-nx", 0.000152, 1.76054e-10)]
    [InlineData("jetson-agx-orin", 0.0000552727, 1.5364712727e-10)]
    [InlineData("iphone-15-pro", 0.0004342857, 3.0180685714e-10)]
    public void LocalCall_EveryDevice_MatchesReferenceTable(string device, double latencyS, double usageUsd)
    {
        var profile = TmoDeviceProfile.Get(device);

        Assert.Equal(latencyS, profile.LocalLatencyS, 1e-9 * Math.Max(1, latencyS));
        Assert.Equal(usageUsd, profile.LocalUsageUsd, usageUsd * 1e-8);
    }

    /// <summary>Every cloud entry of the reference table (latency by network and image count, one price row).</summary>
    [Theory]
    [InlineData("wired", new[] { 6.46030, 4.76134, 6.24569, 6.98211 })]
    [InlineData("wifi", new[] { 0.5, 1.898, 2.016, 2.238 })]
    [InlineData("5g", new[] { 0.5, 6.037, 6.412, 7.118 })]
    [InlineData("4g", new[] { 0.5, 16.603, 17.636, 19.573 })]
    public void CloudCall_EveryNetworkAndImageCount_MatchesReferenceTable(string network, double[] latencyS)
    {
        var profile = TmoNetworkProfile.Get(network);
        double[] usageUsd = [0.00049, 0.00500, 0.00945, 0.01368];

        for (var images = 0; images <= 3; images++)
        {
            Assert.Equal(latencyS[images], profile.CloudLatencyS(images));
            Assert.Equal(usageUsd[images], profile.CloudUsageUsd(images));
        }

        Assert.Equal(3, profile.MaxImages);
    }

    [Fact]
    public void Tables_EveryDeviceAndNetwork_SelectableByName()
    {
        Assert.Equal(8, TmoDeviceProfile.All.Count);
        Assert.Equal(["wired", "wifi", "5g", "4g", "linear"], TmoNetworkProfile.All.Select(n => n.Name));
        foreach (var device in TmoDeviceProfile.All)
        {
            Assert.Same(device, TmoDeviceProfile.Get(device.Name));
        }

        Assert.Equal(19.573, TmoNetworkProfile.Get("4G").CloudLatencyS(3));
        Assert.Equal(1.898, TmoNetworkProfile.Get("wifi").CloudLatencyS(1));
        Assert.Equal(6.412, TmoNetworkProfile.Get("5g").CloudLatencyS(2));
        Assert.Equal(0.00945, TmoNetworkProfile.Get("wired").CloudUsageUsd(2));
    }

    [Fact]
    public void Get_UnknownName_ListsKnownNames()
    {
        var device = Assert.Throws<ArgumentException>(() => TmoDeviceProfile.Get("pdp-11"));
        var network = Assert.Throws<ArgumentException>(() => TmoNetworkProfile.Get("3g"));

        Assert.Contains("unknown device 'pdp-11'", device.Message);
        Assert.Contains("jetson-tx2", device.Message);
        Assert.Contains("unknown network '3g'", network.Message);
        Assert.Contains("4g", network.Message);
    }

    [Fact]
    public void Normalisation_Wired_MatchesHandComputedMinMax()
    {
        var profile = new CostProfile(Space, TmoDeviceProfile.Default, TmoNetworkProfile.Get("wired"));

        // Latency vector [0.0114286, 6.46030, 4.76134, 6.24569, 6.98211]: min local, max k=3.
        Assert.Equal(0.0, profile.NormalisedLatency(0), 12);
        Assert.Equal((6.46030 - 0.0114285714) / (6.98211 - 0.0114285714), profile.NormalisedLatency(1), 9);
        Assert.Equal(0.9251421822, profile.NormalisedLatency(1), 9);
        Assert.Equal(0.6814127826, profile.NormalisedLatency(2), 9);
        Assert.Equal(1.0, profile.NormalisedLatency(8), 12);

        // Usage vector [7.94e-9, 0.00049, 0.005, 0.00945, 0.01368].
        Assert.Equal(0.3654967076, profile.NormalisedUsage(3), 9);
        Assert.Equal(0.6907892942, profile.NormalisedUsage(7), 9);
        Assert.Equal(1.0, profile.NormalisedUsage(8), 12);
    }

    [Fact]
    public void Normalisation_4G_MatchesHandComputedMinMax()
    {
        var profile = new CostProfile(Space, TmoDeviceProfile.Default, TmoNetworkProfile.Get("4g"));

        // (0.5 − 0.0114286) / (19.573 − 0.0114286) and (17.636 − 0.0114286) / (19.573 − 0.0114286).
        Assert.Equal(0.0249760828, profile.NormalisedLatency(1), 9);
        Assert.Equal(0.9009793254, profile.NormalisedLatency(6), 9);
        Assert.Equal(17.636, profile.LatencyS(6));
        Assert.Equal(0.01368, profile.UsageUsd(8));
    }

    [Fact]
    public void Constructor_MeasuredNetworkWithSixModalities_AsksForLinear()
    {
        var error = Assert.Throws<ArgumentException>(() => new CostProfile(new ModalityActionSpace(6), TmoDeviceProfile.Default, TmoNetworkProfile.Get("wifi")));

        Assert.Contains("covers at most 3 images but the dataset has 6 modalities", error.Message);
    }

    [Fact]
    public void LinearNetwork_AnyImageCount_FollowsTmoSyntheticModel()
    {
        var linear = TmoNetworkProfile.Get("linear");

        Assert.Equal(0.5 + 1.5 * 6, linear.CloudLatencyS(6), 12);
        Assert.Equal(0.0005 + 0.004 * 6, linear.CloudUsageUsd(6), 12);
    }
}
