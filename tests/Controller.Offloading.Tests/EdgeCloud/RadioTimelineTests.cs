using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Tests.EdgeCloud;

/// <summary>The radio tail runs only until the next transfer; a transfer after the tail ran out pays the promotion (Huang et al., MobiSys 2012).</summary>
public sealed class RadioTimelineTests
{
    private static readonly NetworkProfile Lte = NetworkProfiles.Lte;

    [Fact]
    public void Transfer_NextStartsInsideTheTail_ChargesOnlyTheGap()
    {
        var radio = new RadioTimeline(Lte);
        radio.Transfer(0, 1);

        // The next transfer starts 3 s after the first ended: 3 s of tail at 1.060 W, not the full 11.576 s.
        double tail = radio.Transfer(4, 5);

        Assert.Equal(3 * 1.060, tail, 12);
        Assert.False(radio.NeedsPromotion(4));
    }

    [Fact]
    public void Transfer_AfterLongIdle_ChargesTheWholeTailAndNeedsPromotion()
    {
        var radio = new RadioTimeline(Lte);
        radio.Transfer(0, 1);

        Assert.True(radio.NeedsPromotion(1 + 11.576));
        Assert.Equal(11.576 * 1.060, radio.Transfer(30, 31), 12);
    }

    [Fact]
    public void ChargeTailUntil_InSteps_SumsToTheGapOnce()
    {
        var radio = new RadioTimeline(Lte);
        radio.Transfer(10, 12);

        // A local request and a think time pass in two steps; the tail is charged once over 12 → 20 s, then 20 → 23.576 s.
        double first = radio.ChargeTailUntil(20);
        double second = radio.ChargeTailUntil(40);
        double again = radio.ChargeTailUntil(50);

        Assert.Equal(8 * 1.060, first, 12);
        Assert.Equal(3.576 * 1.060, second, 9);
        Assert.Equal(0, again);
    }

    [Fact]
    public void NeedsPromotion_BeforeAnyTransfer_IsTrue() => Assert.True(new RadioTimeline(Lte).NeedsPromotion(0));

    [Fact]
    public void Transfer_EndBeforeStart_ThrowsNamingTheEnd()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RadioTimeline(Lte).Transfer(5, 4));

        Assert.Equal("endSeconds", error.ParamName);
    }

    [Fact]
    public void Transfer_StartsBeforeThePreviousEnded_ThrowsNamingTheStart()
    {
        var radio = new RadioTimeline(Lte);
        radio.Transfer(0, 10);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => radio.Transfer(5, 12));

        Assert.Equal("startSeconds", error.ParamName);
    }

    [Fact]
    public void ExpectedTailJoules_ExponentialGapMean10s_HandComputed()
    {
        // P_tail·μ·(1 − e^(−T/μ)) = 1.060·10·(1 − e^(−1.1576)) = 7.26906 J, against the 12.27 J of a full tail.
        Assert.Equal(7.26906181643592, Lte.ExpectedTailJoules(10), 9);
        Assert.Equal(Lte.TailJoules, Lte.ExpectedTailJoules(double.PositiveInfinity), 12);
        Assert.Equal(0.31423945127963027, Lte.PromotionProbability(10), 12);
    }

    [Fact]
    public void TailJoulesOver_GapBeyondTheTail_IsTheWholeTail()
    {
        Assert.Equal(5 * 1.060, Lte.TailJoulesOver(5), 12);
        Assert.Equal(Lte.TailJoules, Lte.TailJoulesOver(60), 12);
        Assert.Equal(0, Lte.TailJoulesOver(-1));
    }

    [Fact]
    public void FiveG_LowBandNsa_HasLtesMeasuredRadioCoefficients()
    {
        var fiveG = NetworkProfiles.FiveG;

        Assert.Equal(Lte.RadioBaseWatts, fiveG.RadioBaseWatts);
        Assert.Equal(Lte.UplinkJoulesPerMegabit, fiveG.UplinkJoulesPerMegabit);
        Assert.Equal(Lte.TailJoules, fiveG.TailJoules);
        Assert.Equal(0.2601 * 1.2107, fiveG.PromotionJoules, 12);
    }
}
