using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Baselines;
using Controller.Training.EdgeCloud.Environments;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Training.Tests.EdgeCloud.Environments;

namespace Controller.Training.Tests.EdgeCloud.Baselines;

public sealed class EdgeCloudBaselineTests
{
    private static readonly EdgeCloudEnvironmentOptions Unmasked = new() { MaskOverBudget = false };

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void FixedDraft_UpLink_SpeculatesWithItsKCappedByMemory(int k)
    {
        var policy = new FixedDraftPolicy(k);
        var environment = EdgeCloudTestWorld.Create(Unmasked, new ChannelState(20, 100, 30, true));
        EdgeCloudTestWorld.PlayWindow(environment, 12, (env, mask) =>
        {
            var action = policy.ChooseAction(env, [], mask);
            var chosen = env.Space.Decode(action);
            var cap = env.Decision.DraftLengthCap;
            if (cap == 0)
            {
                Assert.Equal(Location.Cloud, chosen.Location);
            }
            else
            {
                Assert.Equal(Location.Speculative, chosen.Location);
                Assert.Equal(Math.Min(k, cap), chosen.DraftLength);
                Assert.Equal(env.Decision.PresentMask, chosen.ModalityMask);
            }

            return action;
        });
    }

    [Fact]
    public void Rules_DownLink_RunLocally()
    {
        IEdgeCloudPolicy[] policies = [new FixedDraftPolicy(4), new AnalyticDraftPolicy(), new HeuristicSchedulePolicy(), new UcbDraftPolicy(8), new FixedLocationPolicy(cloud: true)];
        foreach (var policy in policies)
        {
            var environment = EdgeCloudTestWorld.Create(Unmasked, ChannelState.Down);
            var outcomes = EdgeCloudTestWorld.PlayWindow(environment, 1, (env, mask) => policy.ChooseAction(env, [], mask));
            Assert.All(outcomes, o => Assert.Equal(Location.Local, o.Location));
        }
    }

    [Fact]
    public void Analytic_FreshDevice_ChoosesThePlannersThroughputOptimalK()
    {
        var policy = new AnalyticDraftPolicy();
        var environment = EdgeCloudTestWorld.Create(Unmasked, new ChannelState(5, 30, 120, true));
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        environment.Reset(21, observation, mask);
        var decision = environment.Decision;

        var chosen = environment.Space.Decode(policy.ChooseAction(environment, observation, mask));

        var expected = decision.DraftLengthCap == 0 ? 0 : DraftLengthPlanner.BestDraftLength(decision.AlphaEstimate(decision.PresentMask), decision.Round!, decision.DraftLengthCap);
        Assert.Equal(expected, chosen.DraftLength);
        Assert.Equal(0, policy.EnergyPriceMsPerJoule);
    }

    [Fact]
    public void Analytic_OverspendingEnergy_RaisesItsPriceAndShortensDrafts()
    {
        var policy = new AnalyticDraftPolicy();
        var environment = EdgeCloudTestWorld.Create(Unmasked with { EnergyBudgetJoules = 100 }, new ChannelState(5, 30, 120, true));
        var ks = new List<int>();
        EdgeCloudTestWorld.PlayWindow(environment, 21, (env, mask) =>
        {
            var action = policy.ChooseAction(env, [], mask);
            ks.Add(env.Space.Decode(action).DraftLength);
            return action;
        }, (env, outcome) => policy.Observe(env, outcome));

        Assert.True(policy.EnergyPriceMsPerJoule > 0);

        // A positive price shortens the analytic draft on a long-RTT link (k* 6 → fewer).
        var decision = EdgeCloudSanityChecks.Scenario(new EdgeCloudEnvironmentOptions(), rtt: 300);
        var free = DraftLengthPlanner.BestDraftLength(decision.AlphaEstimate(0), decision.Round!, decision.RoundEnergy, 0, 8);
        var priced = DraftLengthPlanner.BestDraftLength(decision.AlphaEstimate(0), decision.Round!, decision.RoundEnergy, 500, 8);
        Assert.True(priced < free, $"k* {free} at λ = 0, {priced} at λ = 500 ms/J");
    }

    [Fact]
    public void Heuristic_FullyAcceptedRequest_AddsTwoElseSubtractsOne()
    {
        var policy = new HeuristicSchedulePolicy();
        var environment = EdgeCloudTestWorld.Create(Unmasked);
        Assert.Equal(4, policy.CurrentDraftLength);

        // 100 tokens in 20 rounds of k = 4 with every draft accepted: 80 accepted, 20 bonus tokens.
        policy.Observe(environment, Outcome(draftLength: 4, tokens: 100, proposed: 80, accepted: 80));
        Assert.Equal(6, policy.CurrentDraftLength);

        // 100 tokens with half the drafts rejected.
        policy.Observe(environment, Outcome(draftLength: 6, tokens: 100, proposed: 150, accepted: 50));
        Assert.Equal(5, policy.CurrentDraftLength);

        for (var i = 0; i < 10; i++)
        {
            policy.Observe(environment, Outcome(draftLength: 8, tokens: 90, proposed: 80, accepted: 80));
        }

        Assert.Equal(environment.Options.MaxDraftLength, policy.CurrentDraftLength);
    }

    [Fact]
    public void Ucb_NewDevice_TriesEveryArmOnceShortestFirst()
    {
        var ucb = new UcbDraftPolicy(8);
        var environment = EdgeCloudTestWorld.Create(Unmasked, new ChannelState(20, 100, 30, true));
        var firstTries = new List<int>();
        EdgeCloudTestWorld.PlayWindow(environment, 3, (env, mask) =>
        {
            var action = ucb.ChooseAction(env, [], mask);
            var k = env.Space.Decode(action).DraftLength;
            if (k > 0 && !firstTries.Contains(k))
            {
                firstTries.Add(k);
            }

            return action;
        }, (env, outcome) => ucb.Observe(env, outcome));

        // Arms in the order of their first use: each new arm is the shortest untried one (a memory cap below it only delays it).
        Assert.Equal(Enumerable.Range(1, firstTries.Count), firstTries);
        Assert.True(firstTries.Count >= 4);
    }

    [Fact]
    public void Catalogue_UnknownName_FailsListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => EdgeCloudBaselines.Resolve("fixed-3"));
        Assert.Contains("fixed-3", error.Message, StringComparison.Ordinal);
        Assert.Contains("analytic", error.Message, StringComparison.Ordinal);
        Assert.Equal(EdgeCloudBaselines.Names.Count, EdgeCloudBaselines.Resolve("all").Count);
    }

    [Fact]
    public void Evaluator_SameSeeds_SameReportAndEveryWindowAccounted()
    {
        var settings = new EdgeCloudEvaluationSettings([0, 1], new EdgeCloudEnvironmentOptions(), DevicesPerSeed: 2, WindowsPerDevice: 2);
        var methods = EdgeCloudMethod.Baselines("analytic,cloud,local", settings.Options);

        var first = EdgeCloudEvaluator.Run(settings, methods);
        var second = EdgeCloudEvaluator.Run(settings, methods);

        Assert.Equal(["Analytic k* (FlexSpec-like)", "Cloud only", "Local only"], first.Summaries.Select(s => s.Method));
        foreach (var (a, b) in first.Seeds.Zip(second.Seeds))
        {
            Assert.Equal(a.Method, b.Method);
            Assert.Equal(a.Metrics[EdgeCloudMetrics.Rate], b.Metrics[EdgeCloudMetrics.Rate]);
            Assert.Equal(4, a.Windows.Count);
        }

        var cloud = first.Summaries.Single(s => s.Method == "Cloud only");
        // Cloud only speculates only where the budget mask forbade cloud and fell back (speculation spends least per token).
        Assert.True(cloud.Metrics[EdgeCloudMetrics.SpeculativeShare].Mean <= cloud.Metrics[EdgeCloudMetrics.FallbackShare].Mean);
        Assert.True(cloud.Metrics[EdgeCloudMetrics.CloudShare].Mean > 0.5);
        var seed = first.Seeds.First(s => s.Method == "Local only");
        var over = seed.Windows.Count(w => w.EnergyJoules > settings.Options.EnergyBudgetJoules || w.SpendUsd > settings.Options.SpendBudgetUsd
            || w.SloMisses > settings.Options.SloMissesPerWindow) / (double)seed.Windows.Count;
        Assert.Equal(over, seed.Metrics[EdgeCloudMetrics.OverAny], 10);
    }

    private static EdgeCloudStepOutcome Outcome(int draftLength, int tokens, int proposed, int accepted) =>
        new(0, Location.Speculative, draftLength, NetworkType.Lte, 5_000, 30, 0.001, 1, tokens, false, 20, proposed, accepted);
}
