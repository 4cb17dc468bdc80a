using Controller.Contracts;
using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Tests.EdgeCloud;

public sealed class ChannelModelTests
{
    [Fact]
    public void Next_Disconnected_AlwaysDown()
    {
        var channel = new ChannelModel(NetworkProfiles.Disconnected);
        var random = new Random(1);

        for (int i = 0; i < 100; i++)
        {
            Assert.False(channel.Next(random).IsUp);
        }
    }

    [Fact]
    public void Next_LongRun_GoodShareMatchesStationaryProbability()
    {
        var profile = NetworkProfiles.Lte;
        var channel = new ChannelModel(profile);
        var random = new Random(7);
        const int steps = 40_000;
        int good = 0;
        for (int i = 0; i < steps; i++)
        {
            channel.Next(random);
            good += channel.IsGood == true ? 1 : 0;
        }

        // p = 0.25 / (0.1 + 0.25) = 5/7; correlated draws, so a generous 0.02 tolerance (≈ 5 autocorrelated σ).
        Assert.Equal(5.0 / 7, profile.StationaryGoodProbability, 12);
        Assert.Equal(5.0 / 7, (double)good / steps, 0.02);
    }

    [Theory]
    [InlineData(NetworkType.Wired)]
    [InlineData(NetworkType.WiFi)]
    [InlineData(NetworkType.FiveG)]
    [InlineData(NetworkType.Lte)]
    [InlineData(NetworkType.PoorCell)]
    public void Next_UpLinks_DrawsWithinTheStateRanges(NetworkType type)
    {
        var profile = NetworkProfiles.Get(type);
        var channel = new ChannelModel(profile);
        var random = new Random(3);
        for (int i = 0; i < 2_000; i++)
        {
            var state = channel.Next(random);
            if (!state.IsUp)
            {
                continue;
            }

            var ranges = channel.IsGood == true ? profile.Good : profile.Bad;
            Assert.InRange(state.UplinkMbps, ranges.UplinkMbps.Min, ranges.UplinkMbps.Max);
            Assert.InRange(state.DownlinkMbps, ranges.DownlinkMbps.Min, ranges.DownlinkMbps.Max);
            Assert.InRange(state.RttMs, ranges.RttMs.Min, ranges.RttMs.Max);
        }
    }

    [Fact]
    public void Next_SameSeed_SameSequence()
    {
        var first = new ChannelModel(NetworkProfiles.PoorCell);
        var second = new ChannelModel(NetworkProfiles.PoorCell);
        var a = new Random(11);
        var b = new Random(11);

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(first.Next(a), second.Next(b));
        }
    }

    [Fact]
    public void Get_EveryNetworkType_HasProfileOfThatType()
    {
        foreach (var type in Enum.GetValues<NetworkType>())
        {
            Assert.Equal(type, NetworkProfiles.Get(type).Type);
        }
    }

    [Fact]
    public void Get_UndefinedNetworkType_ThrowsNamingType()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NetworkProfiles.Get((NetworkType)42));
        Assert.Equal("type", error.ParamName);
    }

    [Fact]
    public void Lte_RadioPowers_FromHuang2012()
    {
        Assert.Equal(1.288, NetworkProfiles.Lte.RadioBaseWatts);
        Assert.Equal(11.576 * 1.060, NetworkProfiles.Lte.TailJoules, 12);
    }

    [Fact]
    public void Validate_UpLinkWithZeroUplink_ThrowsNamingParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => new ChannelState(0, 10, 20, true).Validate("channel"));
        Assert.Equal("channel", error.ParamName);
        Assert.Contains("UplinkMbps", error.Message, StringComparison.Ordinal);
    }
}
