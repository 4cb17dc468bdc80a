using Controller.Contracts;
using Controller.Training.EdgeCloud.Environments;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.Tests.EdgeCloud.Evaluation;

/// <summary>
/// The reference's sanity checks (<see cref="EdgeCloudSanityChecks"/>) asked of the trained RC-PPO policy — the seed-0
/// bundle of <c>scripts/edge-cloud-results.sh</c> at the default budgets (draft lengths relative to the planner's k*,
/// 60,000 steps, the planner prior β = 5), kept under Fixtures — and of the analytic rule and the greedy planner the
/// evaluation runs. The fixture passes all seven: k grows with RTT and with α, shrinks with draft time and with uplink
/// bits per draft token, plain cloud for a slow draft and an idle cloud, speculative for a fast draft and a loaded
/// cloud, local on a poor link with a busy cloud. <c>scripts/edge-cloud-results.sh</c> writes every check for every
/// seed to <c>sanity.md</c> and docs/edge-cloud.md reports them.
/// </summary>
public sealed class EdgeCloudDraftLengthSanityTests
{
    private static readonly EdgeCloudEnvironmentOptions Options = new();
    private static readonly Lazy<IReadOnlyList<SanityCheckResult>> Learned =
        new(() => EdgeCloudSanityChecks.Run(EdgeCloudTrainer.Load("rc-ppo seed 0", FixtureDirectory(), Options), Options));

    [Fact]
    public void Learned_Rtt_DraftLengthGrows() => AssertPassed(0);

    [Fact]
    public void Learned_Alpha_DraftLengthGrows() => AssertPassed(1);

    [Fact]
    public void Learned_DraftTime_DraftLengthShrinks() => AssertPassed(2);

    [Fact]
    public void Learned_UplinkBits_DraftLengthShrinks() => AssertPassed(3);

    [Fact]
    public void Learned_SlowDraftIdleCloud_PlainCloud() => AssertPassed(4);

    [Fact]
    public void Learned_FastDraftLoadedCloud_Speculative() => AssertPassed(5);

    [Fact]
    public void Learned_PoorLinkBusyCloud_Local() => AssertPassed(6);

    [Fact]
    public void Learned_Fixture_NamesDraftLengthsRelativeToThePlannerAndServesItsPrior()
    {
        var policy = EdgeCloudTrainer.Load("rc-ppo seed 0", FixtureDirectory(), Options);

        Assert.Equal(DraftLengthActions.RelativeToPlanner, policy.DraftActions);
        Assert.Equal(Options.SloMissesPerWindow, EdgeCloudPolicySettings.Load(FixtureDirectory()).SloMissesPerWindow);
        Assert.Equal(EdgeCloudTrainer.DefaultPriorSharpness, policy.PriorSharpness);
    }

    [Fact]
    public void Learned_Checks_AreTheReferencesSevenInOrder()
    {
        Assert.Equal(7, Learned.Value.Count);
        Assert.StartsWith("k grows with RTT", Learned.Value[0].Name, StringComparison.Ordinal);
        Assert.StartsWith("k shrinks with uplink bits", Learned.Value[3].Name, StringComparison.Ordinal);
        Assert.StartsWith("local on a poor link", Learned.Value[6].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Analytic_DraftLengths_PassTheReferenceChecks()
    {
        int K(EdgeCloudDecision d) => d.ThroughputOptimalDraftLength(d.PresentMask);
        Assert.True(K(EdgeCloudSanityChecks.Scenario(Options, rtt: 300)) > K(EdgeCloudSanityChecks.Scenario(Options, rtt: 20)));
        Assert.True(K(EdgeCloudSanityChecks.Scenario(Options, alpha: 0.9)) > K(EdgeCloudSanityChecks.Scenario(Options, alpha: 0.5)));
        Assert.True(K(EdgeCloudSanityChecks.Scenario(Options, speed: 0.3)) < K(EdgeCloudSanityChecks.Scenario(Options, speed: 1.0)));

        // Uplink bits per draft token: a dense fp16 distribution (512 kbit) instead of 32-bit ids shrinks k to 1.
        var bits = EdgeCloudSanityChecks.UplinkBitsPerDraftToken.Select(b => K(EdgeCloudSanityChecks.Scenario(Options, draftTokenBits: b))).ToList();
        Assert.True(bits[^1] < bits[0], string.Join(", ", bits));
        Assert.Equal(1, bits[^1]);
        Assert.Equal(EdgeCloudWorkload.SampledDraftTokenBits, EdgeCloudSanityChecks.Scenario(Options, draftTokenBits: EdgeCloudWorkload.SampledDraftTokenBits).Round!.UplinkBitsPerDraftToken);
    }

    [Fact]
    public void Greedy_Placements_PassTheReferenceChecks()
    {
        Assert.Equal(Location.Local, Best(EdgeCloudSanityChecks.PoorLinkBusyCloud(Options)));
        Assert.Equal(Location.Cloud, Best(EdgeCloudSanityChecks.SlowDraftIdleCloud(Options)));
        Assert.Equal(Location.Speculative, Best(EdgeCloudSanityChecks.FastDraftLoadedCloud(Options)));
    }

    private static Location Best(EdgeCloudDecision decision) =>
        decision.Space.Decode(Enumerable.Range(0, decision.Space.Count).Where(decision.IsStructurallyAllowed).MaxBy(decision.ExpectedRate)).Location;

    private static void AssertPassed(int check)
    {
        var result = Learned.Value[check];
        Assert.True(result.Passed, $"{result.Name}: {result.Observed}");
    }

    private static string FixtureDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Controller.Training.Tests", "EdgeCloud", "Evaluation", "Fixtures", "rc-ppo-seed-0");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Controller.Training.Tests/EdgeCloud/Evaluation/Fixtures/rc-ppo-seed-0 not found above " + AppContext.BaseDirectory);
    }
}
