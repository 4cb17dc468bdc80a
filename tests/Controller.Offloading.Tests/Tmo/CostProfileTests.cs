using Controller.Offloading.Tmo;

namespace Controller.Offloading.Tests.Tmo;

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
