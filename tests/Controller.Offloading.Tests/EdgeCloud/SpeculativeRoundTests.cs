using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Tests.EdgeCloud;

public sealed class SpeculativeRoundTests
{
    // t_d 10 ms, b 32 bit, h 1600 bit, R_up 8 Mbit/s, t_v0 30 ms, t_v1 1.5 ms, b_dn 800 bit, R_dn 40 Mbit/s, RTT 60 ms.
    private static readonly SpeculativeRound LteRound = new(10, 32, 1_600, 8, 30, 1.5, 800, 40, 60);

    // e_d 0.1 J, P_wait 2 W, LTE radio: β 1.288 W, α_u 0.438 J/Mbit, α_d 0.052 J/Mbit.
    private static readonly RoundEnergyModel LteEnergy = new(0.1, 2, 1.288, 0.438, 0.052);

    [Fact]
    public void TimeMs_K4_HandComputed()
    {
        // 4·10 + (4·32 + 1600)/8000 + 30 + 4·1.5 + 800/40000 + 60 = 40 + 0.216 + 30 + 6 + 0.02 + 60
        Assert.Equal(136.236, LteRound.TimeMs(4), 9);
    }

    [Fact]
    public void LeviathanForm_OverheadAndEffectiveCostRatio_HandComputed()
    {
        // O = 30 + 60 + 1600/8000 + 800/40000 = 90.22; c_eff = (10 + 32/8000 + 1.5)/O
        Assert.Equal(90.22, LteRound.OverheadMs, 9);
        Assert.Equal(11.504 / 90.22, LteRound.EffectiveCostRatio, 12);
        Assert.Equal(LteRound.TimeMs(7), LteRound.OverheadMs * (1 + (LteRound.EffectiveCostRatio * 7)), 9);
    }

    [Fact]
    public void ThroughputTokensPerSecond_Alpha08K4_IsExpectedTokensOverRoundTime()
    {
        Assert.Equal(3.3616 / 136.236 * 1_000, LteRound.ThroughputTokensPerSecond(0.8, 4), 9);
    }

    [Fact]
    public void EnergyJoules_K4_HandComputed()
    {
        // Fixed: (P_wait + β)·O + α_u·h + α_d·b_dn = 3.288·0.09022 + 0.438·0.0016 + 0.052·0.0008 = 0.29738576 J
        // Per token: e_d + P_wait·(b/R_up + t_v1) + β·(t_d + b/R_up + t_v1) + α_u·b
        //          = 0.1 + 2·0.001504 + 1.288·0.011504 + 0.438·0.000032 = 0.117839168 J
        Assert.Equal(0.29738576 + (4 * 0.117839168), LteEnergy.EnergyJoules(LteRound, 4), 12);
    }

    [Fact]
    public void EnergyJoules_ReferenceForm_DiffersOnlyByRadioBaseDuringDraftAndVerify()
    {
        // Reference: k·(e_d + P_tx·b/R_up) + P_tx·h/R_up + P_rx·b_dn/R_dn + P_wait·(t_v0 + RTT), with
        // P_tx = P_wait_dev + β + α_u·R_up, P_rx = P_wait_dev + β + α_d·R_dn, P_wait = P_wait_dev + β.
        // Ours additionally counts the awake device and connected radio during drafting (β) and per-token verify.
        const int k = 4;
        double txMs = ((k * 32) + 1_600) / 8_000.0;
        double rxMs = 800 / 40_000.0;
        double reference = (k * 0.1) + ((2 + 1.288 + (0.438 * 8)) * txMs / 1_000) + ((2 + 1.288 + (0.052 * 40)) * rxMs / 1_000)
            + ((2 + 1.288) * (30 + 60) / 1_000);
        double extra = (1.288 * k * 10 / 1_000) + ((2 + 1.288) * k * 1.5 / 1_000);

        Assert.Equal(reference + extra, LteEnergy.EnergyJoules(LteRound, k), 12);
    }

    [Theory]
    [InlineData(0.6, 0.05)]
    [InlineData(0.7, 0.1)]
    [InlineData(0.8, 0.02)]
    [InlineData(0.9, 0.3)]
    public void BestDraftLength_NoNetworkTerms_EqualsLeviathanKStar(double alpha, double c)
    {
        const double stepMs = 30;
        var round = new SpeculativeRound(c * stepMs, 0, 0, 100, stepMs, 0, 0, 100, 0);

        Assert.Equal(SpeculativeDecoding.BestDraftLength(alpha, c, 64), DraftLengthPlanner.BestDraftLength(alpha, round, 64));
    }

    [Fact]
    public void BestDraftLength_LongerRtt_RaisesKStar()
    {
        int wifi = DraftLengthPlanner.BestDraftLength(0.8, LteRound with { RttMs = 15 }, 32);
        int lte = DraftLengthPlanner.BestDraftLength(0.8, LteRound with { RttMs = 60 }, 32);
        int poor = DraftLengthPlanner.BestDraftLength(0.8, LteRound with { RttMs = 250 }, 32);

        Assert.True(wifi < lte && lte < poor, $"k* should grow with RTT: {wifi}, {lte}, {poor}");
    }

    [Fact]
    public void BestDraftLength_SlowerDraftOrLowerAlpha_LowersKStar()
    {
        int fast = DraftLengthPlanner.BestDraftLength(0.8, LteRound with { DraftMsPerToken = 5 }, 32);
        int slow = DraftLengthPlanner.BestDraftLength(0.8, LteRound with { DraftMsPerToken = 40 }, 32);
        int lowAlpha = DraftLengthPlanner.BestDraftLength(0.6, LteRound with { DraftMsPerToken = 5 }, 32);

        Assert.True(slow < fast, $"slower draft should lower k*: {fast} → {slow}");
        Assert.True(lowAlpha < fast, $"lower α should lower k*: {fast} → {lowAlpha}");
    }

    [Fact]
    public void BestDraftLength_DenseDistributionUplink_ForcesKOne()
    {
        // A 1 Mbit fp16 distribution per draft token costs 125 ms of uplink each at 8 Mbit/s.
        Assert.Equal(1, DraftLengthPlanner.BestDraftLength(0.9, LteRound with { UplinkBitsPerDraftToken = 1_000_000 }, 32));
    }

    [Fact]
    public void BestDraftLength_ZeroEnergyPrice_EqualsThroughputOptimum()
    {
        Assert.Equal(DraftLengthPlanner.BestDraftLength(0.85, LteRound, 32),
            DraftLengthPlanner.BestDraftLength(0.85, LteRound, LteEnergy, 0, 32));
    }

    [Fact]
    public void BestDraftLength_EnergyPrice_MaximisesTokensPerPricedRound()
    {
        const double lambda = 400; // ms per joule
        int expected = Enumerable.Range(1, 32)
            .MaxBy(k => SpeculativeDecoding.ExpectedTokensPerRound(0.85, k)
                / (LteRound.TimeMs(k) + (lambda * LteEnergy.EnergyJoules(LteRound, k))));

        Assert.Equal(expected, DraftLengthPlanner.BestDraftLength(0.85, LteRound, LteEnergy, lambda, 32));
    }

    [Fact]
    public void Validate_ZeroUplink_ThrowsNamingUplinkMbps()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DraftLengthPlanner.BestDraftLength(0.8, LteRound with { UplinkMbps = 0 }, 8));
        Assert.Equal("UplinkMbps", error.ParamName);
    }

    [Fact]
    public void Validate_NaNRtt_ThrowsNamingRttMs()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (LteRound with { RttMs = double.NaN }).Validate());
        Assert.Equal("RttMs", error.ParamName);
    }

    [Fact]
    public void TimeMs_NegativeDraftLength_ThrowsNamingDraftLength()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LteRound.TimeMs(-1));
        Assert.Equal("draftLength", error.ParamName);
    }

    [Fact]
    public void BestDraftLength_NegativeEnergyPrice_ThrowsNamingPrice()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DraftLengthPlanner.BestDraftLength(0.8, LteRound, LteEnergy, -1, 8));
        Assert.Equal("energyPriceMsPerJoule", error.ParamName);
    }
}
