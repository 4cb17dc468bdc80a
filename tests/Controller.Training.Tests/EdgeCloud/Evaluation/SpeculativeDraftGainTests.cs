using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.Tests.EdgeCloud.Evaluation;

/// <summary>The gain from choosing k, on the speculative requests alone, against the fixed best k and the planner's k*.</summary>
public sealed class SpeculativeDraftGainTests
{
    // A fast draft on Wi-Fi with a loaded cloud: speculation is worth measuring there.
    private static readonly EdgeCloudDecision Decision = EdgeCloudDecision.Create(DeviceProfiles.JetsonOrinNx, 1, NetworkProfiles.WiFi,
        new ChannelState(100, 300, 15, true), 2.5, new EdgeCloudRequest("Message Editing", 300, 200,
            [default, default, default], 0.85, 0.85, 10_000, 10), 8, 1, 1, 1);

    [Fact]
    public void Add_ChosenKIsKStar_NoGainOverKStarAndNoneOverTheBestFixedK()
    {
        var gain = new SpeculativeDraftGain(8);
        var kStar = Decision.ThroughputOptimalDraftLength(0);

        gain.Add(Decision, Decision.Space.SpeculativeIndex(Decision.Space.RankOf(0), kStar));

        Assert.Equal(1, gain.Requests);
        Assert.Equal(0, gain.GainOverPlanner, 12);
        // One request: the fixed best k is that request's best k, so the chosen k can at most tie it.
        var best = Enumerable.Range(1, 8).Max(k => Decision.ExpectedRate(Decision.Space.SpeculativeIndex(0, k)));
        Assert.Equal((Decision.ExpectedRate(Decision.Space.SpeculativeIndex(0, kStar)) / best) - 1, gain.GainOverFixedBest, 12);
        Assert.True(gain.GainOverFixedBest <= 0);
    }

    [Fact]
    public void Add_LocalOrCloud_NotCounted()
    {
        var gain = new SpeculativeDraftGain(8);

        gain.Add(Decision, 0);
        gain.Add(Decision, Decision.CloudAllPresent);

        Assert.Equal(0, gain.Requests);
        Assert.Equal(0, gain.GainOverFixedBest);
        Assert.Equal(0, gain.GainOverPlanner);
    }

    [Fact]
    public void GainOverFixedBest_KOne_IsTheRateRatioToTheBestK()
    {
        var gain = new SpeculativeDraftGain(8);
        var one = Decision.Space.SpeculativeIndex(0, 1);

        gain.Add(Decision, one);

        var bestK = gain.BestFixedDraftLength;
        Assert.Equal((Decision.ExpectedRate(one) / Decision.ExpectedRate(Decision.Space.SpeculativeIndex(0, bestK))) - 1, gain.GainOverFixedBest, 12);
    }
}
