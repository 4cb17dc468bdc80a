using Controller.Contracts;
using Controller.Learning.Policies;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Evaluation;

namespace Controller.Offloading.Tests.EdgeCloudEnvironment;

/// <summary>
/// The reference's sanity checks on draft lengths and placements, asked of the trained RC-PPO policy (the seed-0
/// bundle of <c>scripts/edge-cloud-results.sh</c>, kept under Fixtures) on constructed requests: a text-only
/// Message Editing request of 150 tokens from an iPhone, one factor varied at a time. A draft length is the policy's
/// choice when only speculative actions are allowed (what it would draft if it speculates); a placement is its
/// choice with the full structural mask. The same checks are asked of the analytic rule the evaluation runs.
/// </summary>
public sealed class EdgeCloudDraftLengthSanityTests
{
    private static readonly EdgeCloudEnvironmentOptions Options = new();
    private static readonly Lazy<Policy> Learned = new(() => PolicyBundleStore.Load(FixtureDirectory()).Policy);

    private const string ConstantK = "Fails, reported in docs/edge-cloud.md: the trained RC-PPO policies draft a constant k per seed (2–7) whatever the RTT and α (0 of 10 seeds pass); the analytic rule passes (AnalyticDraftLength_PassesTheReferenceChecks).";

    [Fact(Skip = ConstantK)]
    public void LearnedDraftLength_LongerRtt_IsLonger()
    {
        var ks = new[] { 20.0, 100, 200, 300 }.Select(rtt => LearnedDraftLength(Scenario(rtt: rtt))).ToList();
        Assert.True(ks[^1] > ks[0], $"k by RTT 20…300 ms: {string.Join(", ", ks)}");
    }

    [Fact(Skip = ConstantK)]
    public void LearnedDraftLength_HigherAlpha_IsLonger()
    {
        var ks = new[] { 0.5, 0.7, 0.9 }.Select(alpha => LearnedDraftLength(Scenario(alpha: alpha))).ToList();
        Assert.True(ks[^1] > ks[0], $"k by α 0.5…0.9: {string.Join(", ", ks)}");
    }

    [Fact(Skip = "Fails for the seed-0 fixture (k = 2 at 25, 42 and 83 ms/token), reported in docs/edge-cloud.md: 5 of 10 seeds' policies shorten k for a slower draft.")]
    public void LearnedDraftLength_SlowerDraft_IsShorter()
    {
        var ks = new[] { 1.0, 0.6, 0.3 }.Select(speed => LearnedDraftLength(Scenario(speed: speed))).ToList();
        Assert.True(ks[^1] < ks[0], $"k by draft time 25…83 ms/token: {string.Join(", ", ks)}");
    }

    [Fact]
    public void LearnedDraftLength_AnyScenario_IsWithinTheMemoryCap()
    {
        foreach (var decision in new[] { Scenario(rtt: 20), Scenario(rtt: 300), Scenario(alpha: 0.5), Scenario(speed: 0.3) })
        {
            Assert.InRange(LearnedDraftLength(decision), 1, decision.DraftLengthCap);
        }

        var capped = EdgeCloudDecision.Create(DeviceProfiles.IPhone15Pro, 1, NetworkProfiles.Lte, new ChannelState(8, 30, 300, true), 1,
            new EdgeCloudRequest("Message Editing", 100, 150, [default, default, default], 0.9, 0.9,
                DeviceProfiles.IPhone15Pro.DraftModelMemoryMb + (2.5 * DeviceProfiles.IPhone15Pro.DraftMemoryMbPerDraftToken), 10),
            Options.MaxDraftLength, 0.8, 0.8, 0.5);
        Assert.Equal(2, capped.DraftLengthCap);
        Assert.InRange(LearnedDraftLength(capped), 1, 2);
    }

    [Fact]
    public void LearnedPlacement_SlowDraftIdleCloud_IsPlainCloud()
    {
        var decision = Scenario(device: DeviceProfiles.AndroidMidrange, cloudFactor: 0.6, network: NetworkProfiles.FiveG, uplink: 20, rtt: 30, task: "Assistive System");
        Assert.Equal(Location.Cloud, decision.Space.Decode(LearnedAction(decision, speculativeOnly: false)).Location);
    }

    [Fact(Skip = "Fails, reported in docs/edge-cloud.md: every seed's RC-PPO policy keeps text-only cloud here although the expected rates are local 10.9 vs cloud 8.3 q-tok/s (the greedy planner's check below passes).")]
    public void LearnedPlacement_PoorLinkBusyCloud_IsLocal()
    {
        var decision = PoorLinkBusyCloud();
        Assert.Equal(Location.Local, decision.Space.Decode(LearnedAction(decision, speculativeOnly: false)).Location);
    }

    [Fact]
    public void GreedyPlacement_PoorLinkBusyCloud_IsLocalAndGoodLinkIdleCloud_IsCloud()
    {
        var poor = PoorLinkBusyCloud();
        Assert.Equal(Location.Local, poor.Space.Decode(BestExpected(poor)).Location);
        var good = Scenario(network: NetworkProfiles.FiveG, uplink: 20, downlink: 250, rtt: 30, cloudFactor: 0.6, task: "Assistive System", alpha: 0.7);
        Assert.Equal(Location.Cloud, good.Space.Decode(BestExpected(good)).Location);
    }

    [Fact]
    public void AnalyticDraftLength_PassesTheReferenceChecks()
    {
        int K(EdgeCloudDecision d) => EdgeCloudObservation.AnalyticDraftLength(d);
        Assert.True(K(Scenario(rtt: 300)) > K(Scenario(rtt: 20)));
        Assert.True(K(Scenario(alpha: 0.9)) > K(Scenario(alpha: 0.5)));
        Assert.True(K(Scenario(speed: 0.3)) < K(Scenario(speed: 1.0)));

        // Uplink bits per draft token: dense fp16 distributions (2 Mbit) instead of 32-bit ids shrink k to 1. The
        // environment's wire format is fixed (32-bit ids), so the learned policy never sees this factor.
        var decision = Scenario(rtt: 300);
        var dense = decision.Round! with { UplinkBitsPerDraftToken = 2_000_000 };
        var ids = DraftLengthPlanner.BestDraftLength(decision.AlphaEstimate(0), decision.Round!, 8);
        Assert.Equal(1, DraftLengthPlanner.BestDraftLength(decision.AlphaEstimate(0), dense, 8));
        Assert.True(ids > 1, $"k* with token ids: {ids}");
    }

    private static EdgeCloudDecision PoorLinkBusyCloud() =>
        Scenario(network: NetworkProfiles.PoorCell, uplink: 0.3, downlink: 1, rtt: 280, cloudFactor: 3.3, task: "Assistive System", alpha: 0.7);

    private static int BestExpected(EdgeCloudDecision decision) =>
        Enumerable.Range(0, decision.Space.Count).Where(decision.IsStructurallyAllowed).MaxBy(decision.ExpectedRate);

    private static int LearnedDraftLength(EdgeCloudDecision decision)
    {
        var action = decision.Space.Decode(LearnedAction(decision, speculativeOnly: true));
        Assert.Equal(Location.Speculative, action.Location);
        return action.DraftLength;
    }

    private static int LearnedAction(EdgeCloudDecision decision, bool speculativeOnly)
    {
        var observation = new float[EdgeCloudObservation.Size];
        EdgeCloudObservation.Write(decision, Options, observation);
        var mask = new bool[decision.Space.Count];
        for (var a = 0; a < mask.Length; a++)
        {
            mask[a] = decision.IsStructurallyAllowed(a) && (!speculativeOnly || a >= decision.Space.FirstSpeculativeIndex);
        }

        return new EdgeCloudLearnedPolicy("fixture", Learned.Value, EdgeCloudObservation.Size, decision.Space.Count).Act(observation, mask);
    }

    private static EdgeCloudDecision Scenario(double rtt = 60, double alpha = 0.8, double speed = 1, double cloudFactor = 1,
        DeviceProfile? device = null, NetworkProfile? network = null, double uplink = 8, double downlink = 30, string task = "Message Editing")
    {
        var profile = device ?? DeviceProfiles.IPhone15Pro;
        var request = new EdgeCloudRequest(task, 100, 150, [default, default, default], alpha, alpha,
            profile.DraftModelMemoryMb + 1_000, 10);
        return EdgeCloudDecision.Create(profile, speed, network ?? NetworkProfiles.Lte, new ChannelState(uplink, downlink, rtt, true), cloudFactor,
            request, Options.MaxDraftLength, energyLeftFraction: 0.8, spendLeftFraction: 0.8, timeLeftFraction: 0.5);
    }

    private static string FixtureDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Controller.Offloading.Tests", "EdgeCloudEnvironment", "Fixtures", "rc-ppo-seed-0");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Controller.Offloading.Tests/EdgeCloudEnvironment/Fixtures/rc-ppo-seed-0 not found above " + AppContext.BaseDirectory);
    }
}
