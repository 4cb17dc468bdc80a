using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Tests.EdgeCloud;

public sealed class EdgeCloudCostModelTests
{
    private static readonly EdgeCloudCostModel Model = EdgeCloudCostModel.Default;

    // Jetson Orin NX on Wi-Fi: 100 Mbit/s up, 300 down, RTT 15 ms.
    private static readonly LinkConditions OrinOnWiFi =
        new(DeviceProfiles.JetsonOrinNx, NetworkProfiles.WiFi, new ChannelState(100, 300, 15, true));

    [Fact]
    public void Local_JetsonTx2_HandComputed()
    {
        var cost = Model.Local(DeviceProfiles.JetsonTx2, promptTokens: 300, outputTokens: 200);

        // prefill 300/80 s = 3750 ms; 200 ms per token at 5 tok/s; 15 W over 43.75 s.
        Assert.Equal(43_750, cost.LatencyMs, 9);
        Assert.Equal(3_950, cost.TimeToFirstTokenMs, 9);
        Assert.Equal(656.25, cost.DeviceEnergyJoules, 9);
        Assert.Equal(0, cost.CloudCostUsd);
        Assert.Equal(0, cost.BytesUp);
    }

    [Fact]
    public void CloudOnly_OneImageOnWiFi_HandComputed()
    {
        var cost = Model.CloudOnly(OrinOnWiFi, promptTokens: 300, outputTokens: 200, modalityBytes: 200_000, modalityCount: 1);

        // Up: 800 framing + 300·4 prompt + 200,000 image = 202,000 B → 16.16 ms at 100 Mbit/s.
        // Prefill: 250 + 300/5000 s + 150 per image = 460 ms. Before decode 15 + 16.16 + 460 = 491.16 ms.
        Assert.Equal(202_000, cost.BytesUp, 9);
        Assert.Equal(400 + 800, cost.BytesDown, 9);
        Assert.Equal(491.16 + 30, cost.TimeToFirstTokenMs, 9);
        Assert.Equal(491.16 + (200 * 30), cost.LatencyMs, 9);
        // (3 W wait + 0.133 W Wi-Fi base)·6.49116 s + (0.283·202,000 + 0.137·1,200)·8e-6 J + 0.238 s·0.12 W tail.
        Assert.Equal((3.133 * 6.49116) + (((0.283 * 202_000) + (0.137 * 1_200)) * 8e-6) + (0.238 * 0.12), cost.DeviceEnergyJoules, 9);
        // 300 · $2.50/M + one image $0.0019125 + 200 · $10/M.
        Assert.Equal(0.00075 + 0.0019125 + 0.002, cost.CloudCostUsd, 12);
    }

    [Fact]
    public void Speculative_Alpha08K4OnWiFi_HandComputed()
    {
        var round = Model.RoundCosts(OrinOnWiFi);
        var cost = Model.Speculative(OrinOnWiFi, round, 300, 200, 200_000, 1, alpha: 0.8, draftLength: 4);

        // T(4) = 4·5 + (4·32 + 1600)/100,000 + 30 + 4·1.5 + 800/300,000 + 15 = 71.0199467 ms; rounds = 200 / 3.3616.
        const double roundMs = 71.01994666666667;
        const double rounds = 200 / 3.3616;
        Assert.Equal(491.16 + roundMs, cost.TimeToFirstTokenMs, 9);
        Assert.Equal(491.16 + (rounds * roundMs), cost.LatencyMs, 9);
        // Input as for cloud, then each round is charged (30 + 4·1.5)/30 output tokens at $10/M.
        Assert.Equal(0.00075 + 0.0019125 + (rounds * 1e-5 * 36 / 30), cost.CloudCostUsd, 12);
        Assert.Equal(202_000 + (rounds * (1_600 + 128) / 8), cost.BytesUp, 9);
        Assert.Equal(400 + (rounds * 100), cost.BytesDown, 9);
        Assert.Equal(26.008002937655075, cost.DeviceEnergyJoules, 9);
    }

    [Fact]
    public void Speculative_SameTokens_CheaperThanCloudWhenItSavesTargetPasses()
    {
        var round = Model.RoundCosts(OrinOnWiFi);
        var speculative = Model.Speculative(OrinOnWiFi, round, 300, 200, 0, 0, alpha: 0.8, draftLength: 4);
        var cloud = Model.CloudOnly(OrinOnWiFi, 300, 200, 0, 0);

        Assert.True(speculative.CloudCostUsd < cloud.CloudCostUsd);
    }

    [Fact]
    public void RoundCosts_DownLink_ThrowsNamingUplink()
    {
        var down = OrinOnWiFi with { Channel = ChannelState.Down };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Model.RoundCosts(down));
        Assert.Equal("UplinkMbps", error.ParamName);
    }

    [Fact]
    public void Local_NegativePrompt_ThrowsNamingPromptTokens()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Model.Local(DeviceProfiles.JetsonTx2, -1, 10));
        Assert.Equal("promptTokens", error.ParamName);
    }

    [Fact]
    public void CloudOnly_NegativeModalityBytes_ThrowsNamingModalityBytes()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Model.CloudOnly(OrinOnWiFi, 10, 10, -5, 1));
        Assert.Equal("modalityBytes", error.ParamName);
    }

    [Fact]
    public void Speculative_ZeroDraftLength_ThrowsNamingDraftLength()
    {
        var round = Model.RoundCosts(OrinOnWiFi);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Model.Speculative(OrinOnWiFi, round, 10, 10, 0, 0, 0.8, 0));
        Assert.Equal("draftLength", error.ParamName);
    }

    [Fact]
    public void CloudProfile_NaNStep_ThrowsNamingStepMs()
    {
        var cloud = CloudProfile.Qwen25Vl72B with { StepMs = double.NaN };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EdgeCloudCostModel(cloud, WireFormat.Default,
            QualityModel.M4A1Medians, AcceptanceModel.Default));
        Assert.Equal("StepMs", error.ParamName);
    }

    [Fact]
    public void CloudProfile_ImagePrice_Is765TokensAtInputPrice()
    {
        Assert.Equal(0.0019125, CloudProfile.Qwen25Vl72B.UsdPerModality, 12);
        Assert.Equal(NetworkType.WiFi, OrinOnWiFi.Network.Type);
    }
}
