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

    // Radio state on Wi-Fi with the default mean gap μ = 10 s (Huang et al.: tail 0.2381 s at 0.1193 W, promotion
    // 0.0791 s at 0.1244 W): expected tail 0.1193·10·(1 − e^(−0.02381)) = 0.0280698 J; promotion probability
    // e^(−0.02381) = 0.976471; expected promotion 0.976471·0.0791 s = 77.2389 ms, and 0.976471·0.0791·(0.1244 + 3 W wait) J.
    private const double WiFiPromotionMs = 77.23887363376767;
    private const double WiFiRadioStateJoules = 0.2693949693340008;

    [Fact]
    public void ExpectedRadioState_OrinOnWiFi_HandComputed()
    {
        Assert.Equal(WiFiPromotionMs, Model.ExpectedPromotionMs(NetworkProfiles.WiFi), 9);
        Assert.Equal(WiFiRadioStateJoules, Model.ExpectedRadioStateJoules(NetworkProfiles.WiFi, 3.0), 12);
    }

    [Fact]
    public void CloudOnly_OneImageOnWiFi_HandComputed()
    {
        var cost = Model.CloudOnly(OrinOnWiFi, promptTokens: 300, outputTokens: 200, modalityBytes: 200_000, modalityCount: 1);

        // Up: 800 framing + 300·4 prompt + 200,000 image = 202,000 B → 16.16 ms at 100 Mbit/s.
        // Prefill: 250 + 300/5000 s + 150 per image = 460 ms. Before decode 15 + 16.16 + 460 = 491.16 ms.
        Assert.Equal(202_000, cost.BytesUp, 9);
        Assert.Equal(400 + 800, cost.BytesDown, 9);
        Assert.Equal(WiFiPromotionMs + 491.16 + 30, cost.TimeToFirstTokenMs, 9);
        Assert.Equal(WiFiPromotionMs + 491.16 + (200 * 30), cost.LatencyMs, 9);
        // (3 W wait + 0.133 W Wi-Fi base)·6.49116 s + (0.283·202,000 + 0.137·1,200)·8e-6 J + the expected radio state.
        Assert.Equal((3.133 * 6.49116) + (((0.283 * 202_000) + (0.137 * 1_200)) * 8e-6) + WiFiRadioStateJoules, cost.DeviceEnergyJoules, 9);
        // Qwen2.5-VL-72B: 300 · $2.80/M + one image of 1,337 tokens at $2.80/M + 200 · $8.40/M.
        Assert.Equal(0.00084 + 0.0037436 + 0.00168, cost.CloudCostUsd, 12);
    }

    [Fact]
    public void Speculative_Alpha08K4OnWiFi_HandComputed()
    {
        var round = Model.RoundCosts(OrinOnWiFi);
        var cost = Model.Speculative(OrinOnWiFi, round, 300, 200, 200_000, 1, alpha: 0.8, draftLength: 4);

        // Serial T(4) = 4·5 + (4·32 + 1600)/100,000 + (30 + 15 batch wait) + 4·1.5 + 800/300,000 + 15 = 86.0199467 ms.
        // Pipelined: W = 66.02 ms ≥ 4·5, so all 20 ms of next-round drafting hide behind it when kept, p = 0.8⁵ = 0.32768:
        // T_pipe = 86.0199467 − 0.32768·20 = 79.4663467 ms; rounds = 200 / E[N(4)] = 200 / 3.3616.
        const double roundMs = 79.46634666666667;
        const double rounds = 200 / 3.3616;
        // The draft's prefill, 300 tokens at 600·7.6 tokens/s = 65.8 ms, hides behind the 491.16 ms upload and cloud prefill.
        Assert.Equal(WiFiPromotionMs + 491.16 + roundMs, cost.TimeToFirstTokenMs, 9);
        Assert.Equal(WiFiPromotionMs + 491.16 + (rounds * roundMs), cost.LatencyMs, 9);
        // Input as for cloud, then each round is charged (30 + 4·1.5)/30 output tokens at $8.40/M plus the KV cache held
        // while not verifying: (300 + 100 mean context)·327,680 B · $2.50/(3600 s · 80e9 B) · (79.4663 − 36) ms = $4.9455e-8.
        Assert.Equal(0.00084 + 0.0037436 + (rounds * ((8.4e-6 * 36 / 30) + 4.9455043318518527e-08)), cost.CloudCostUsd, 12);
        Assert.Equal(202_000 + (rounds * (1_600 + 128) / 8), cost.BytesUp, 9);
        Assert.Equal(400 + (rounds * 100), cost.BytesDown, 9);
        // Before decode: 0.133 W radio over 491.16 ms + 12 W draft over 65.79 ms + 3 W wait for the rest = 2.1309095 J;
        // radio bytes (0.283·202,000 + 0.137·400)·8e-6 J; per round E_pipe = E(4) 0.4500991 + (1 − p)·4·0.06
        // − 3 W·20 ms − 0.133 W·p·20 ms = 0.5505843 J; plus the expected radio state.
        double expected = 2.130909543157895 + (((0.283 * 202_000) + (0.137 * 400)) * 8e-6) + (rounds * 0.5505842881066666) + WiFiRadioStateJoules;
        Assert.Equal(expected, cost.DeviceEnergyJoules, 9);
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
    public void CloudProfile_ImagePrice_Is1337VisualTokensAtInputPrice()
    {
        Assert.Equal(1_337 * 2.80 / 1_000_000, CloudProfile.Qwen25Vl72B.UsdPerModality, 12);
        Assert.Equal(NetworkType.WiFi, OrinOnWiFi.Network.Type);
    }
}
