using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Tests.EdgeCloud;

/// <summary>Drafting overlapped with verification (SpecEdge-style), the per-round batch wait, the KV hold and the draft's prefill.</summary>
public sealed class PipelinedRoundTests
{
    [Fact]
    public void TimeMs_WaitLongerThanDrafting_HidesTheWholeDraftOnAHit()
    {
        // T = 200 ms of which 40 ms drafting: W = 160 ≥ 40, so a hit (p = 0.5) saves all 40 ms: 200 − 0.5·40 = 180.
        var round = new PipelinedRound(200, 1.0, 40, 0.4, 0.5, 0.5, 1.0);

        Assert.Equal(160, round.WaitMs, 12);
        Assert.Equal(40, round.PreDraftMs, 12);
        Assert.Equal(180, round.TimeMs, 12);
        // E = 1.0 + 0.5·0.4 (discarded pre-drafts) − 0.5 W·40 ms (computing, not waiting) − 1.0 W·0.5·40 ms (shorter round) = 1.16 J.
        Assert.Equal(1.16, round.EnergyJoules, 12);
    }

    [Fact]
    public void TimeMs_DraftingLongerThanWait_HidesOnlyTheWait()
    {
        // T = 100 ms, drafting 80: W = 20, so at most 20 ms hide: 100 − 0.25·20 = 95.
        var round = new PipelinedRound(100, 1.0, 80, 0.8, 0.25, 0.5, 1.0);

        Assert.Equal(20, round.PreDraftMs, 12);
        Assert.Equal(95, round.TimeMs, 12);
        // Pre-drafts are a quarter of the draft: 1.0 + 0.75·0.2 − 0.5·0.02 − 1.0·0.25·0.02 = 1.135 J.
        Assert.Equal(1.135, round.EnergyJoules, 12);
    }

    [Fact]
    public void Of_HitProbability_IsAlphaToTheKPlusOne()
    {
        var link = new LinkConditions(DeviceProfiles.JetsonOrinNx, NetworkProfiles.WiFi, new ChannelState(100, 300, 15, true));
        var model = EdgeCloudCostModel.Default;

        var round = PipelinedRound.Of(model.RoundCosts(link), link, 0.8, 4);

        // All four drafts and the bonus token must match the draft's own continuation: 0.8⁵.
        Assert.Equal(0.32768, round.HitProbability, 12);
        Assert.Equal(20, round.DraftMs, 12);
    }

    [Fact]
    public void Round_VerifyBase_IncludesHalfAStepOfBatchWait()
    {
        var link = new LinkConditions(DeviceProfiles.JetsonOrinNx, NetworkProfiles.WiFi, new ChannelState(100, 300, 15, true));
        var cloud = CloudProfile.Qwen25Vl72B;

        // Iteration-level batching: a round arriving uniformly within a 30 ms step waits 15 ms on average.
        Assert.Equal(15, cloud.BatchWaitMs, 12);
        Assert.Equal(30 + 15, EdgeCloudCostModel.Default.Round(link).VerifyBaseMs, 12);
    }

    [Fact]
    public void KvHoldUsd_ThousandTokensFor100Ms_HandComputed()
    {
        // 1,000 tokens · 327,680 B · $2.50 / (3,600 s · 80e9 B) · 0.1 s = $2.8444e-7 (compared in micro-dollars).
        Assert.Equal(0.2844444444444445, CloudProfile.Qwen25Vl72B.KvHoldUsd(1_000, 100) * 1e6, 12);
    }

    [Fact]
    public void DraftPrefill_MidrangePhone400Tokens_AboutTwoSecondsAndEightJoules()
    {
        var phone = DeviceProfiles.AndroidMidrange;

        // 1B draft prefills 3.8× the 3.8B local model's 50 tokens/s = 190 tokens/s; it draws e_d/t_d = 0.24 J / 60 ms = 4 W.
        double ms = EdgeCloudCostModel.DraftPrefillMs(phone, 400);

        Assert.Equal(2_105.2631578947367, ms, 9);
        Assert.Equal(8.421052631578947, phone.DraftPowerWatts * ms / 1_000, 9);
    }

    [Fact]
    public void Speculative_LongPromptOnPhone_WaitsForTheDraftPrefill()
    {
        var link = new LinkConditions(DeviceProfiles.AndroidMidrange, NetworkProfiles.WiFi, new ChannelState(100, 300, 15, true));
        var model = EdgeCloudCostModel.Default;
        var round = model.RoundCosts(link);

        var cost = model.Speculative(link, round, 400, 50, 0, 0, alpha: 0.7, draftLength: 2);

        // The 2,105 ms draft prefill outlasts 15 ms RTT + 0.192 ms upload + 330 ms cloud prefill, so it sets the first round's start.
        double firstRoundMs = PipelinedRound.Of(round, link, 0.7, 2).TimeMs;
        Assert.Equal(model.ExpectedPromotionMs(NetworkProfiles.WiFi) + 2_105.2631578947367 + firstRoundMs, cost.TimeToFirstTokenMs, 9);
    }

    [Fact]
    public void DeviceProfile_NonPositiveDraftPrefillSpeedup_ThrowsNamingIt()
    {
        var broken = DeviceProfiles.AndroidMidrange with { DraftPrefillSpeedup = 0 };

        var error = Assert.Throws<ArgumentException>(broken.Validate);

        Assert.Contains(nameof(DeviceProfile.DraftPrefillSpeedup), error.Message, StringComparison.Ordinal);
    }
}
