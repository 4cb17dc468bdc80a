using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;

namespace Controller.Offloading.Tests.Placement;

public sealed class GreedyBudgetPolicyTests
{
    private static readonly GreedyBudgetPolicy Greedy = new(new GreedyBudgetOptions { Epsilon = 0 });

    private static readonly ModalityOffer[] Views =
        [Scenario.Image("front", 0.9), Scenario.Image("side", 0.8), Scenario.Image("ceiling", 0.05)];

    // Jetson Orin NX (5 ms/token draft) with a measured α of 0.9 on an LTE link with a 70 ms RTT.
    private static readonly HeartbeatReported FastDraftOnLte =
        Scenario.Heartbeat(network: NetworkType.Lte, uplinkMbps: 8, downlinkMbps: 40, rttMs: 70, alpha: 0.9);

    [Fact]
    public void Names_IdentifyTheBaseline()
    {
        Assert.Equal("baseline-greedy", Greedy.Name);
        Assert.Equal("baseline-greedy", Greedy.Algorithm);
        Assert.Equal("1", Greedy.Version);
    }

    [Fact]
    public void Decide_LinkDown_LocalWithCertainty()
    {
        var policy = new GreedyBudgetPolicy();
        var context = Scenario.Context(Scenario.Request(modalities: Views), Scenario.Heartbeat(network: NetworkType.Disconnected));

        var choice = policy.Decide(context, new Random(1));

        Assert.Equal(Location.Local, choice.Location);
        Assert.Empty(choice.UploadModalityIds);
        Assert.Equal(0, choice.ActionIndex);
        Assert.Equal(1, choice.Propensity, 12);
    }

    [Fact]
    public void Decide_BudgetAllows_CloudWithTheRelevantImagesOnly()
    {
        var choice = Greedy.Decide(Scenario.Context(Scenario.Request(modalities: Views), Scenario.Heartbeat()), new Random(1));

        Assert.Equal(Location.Cloud, choice.Location);
        Assert.Equal(["front", "side"], choice.UploadModalityIds);
        Assert.Equal(1, choice.Propensity);
        Assert.True(choice.Expected.ExpectedQuality > EdgeCloudCostModel.Default.Quality.CloudTextQuality);
    }

    [Fact]
    public void Decide_MoneyBudgetSpent_Local()
    {
        var budgets = new BudgetState(double.PositiveInfinity, CloudSpendRemainingUsd: 0.0001, double.PositiveInfinity);

        var choice = Greedy.Decide(Scenario.Context(Scenario.Request(modalities: Views), Scenario.Heartbeat(), budgets), new Random(1));

        Assert.Equal(Location.Local, choice.Location);
        Assert.Equal(0, choice.Expected.CloudCostUsd);
    }

    [Fact]
    public void Decide_EnergyGoneNothingFits_TakesTheLeastEnergyActionNotLocal()
    {
        var budgets = new BudgetState(double.PositiveInfinity, double.PositiveInfinity, EnergyRemainingJoules: 0.5);
        var context = Scenario.Context(Scenario.Request(modalities: Views), Scenario.Heartbeat(), budgets);
        var options = new GreedyBudgetOptions();
        var inputs = PlacementInputs.Resolve(context, options.MaxDraftLength, options.Defaults, options.CostModel.Acceptance);
        using var evaluator = new ActionEvaluator(inputs, CompositeActionSpace.Get(inputs.ModalityCount, options.MaxDraftLength), options.CostModel);
        var energies = Enumerable.Range(0, evaluator.Space.Count).Select(evaluator.Space.Decode).Where(evaluator.IsStructurallyAllowed)
            .Select(a => evaluator.Cost(a).DeviceEnergyJoules).ToList();

        var choice = Greedy.Decide(context, new Random(1));

        Assert.NotEqual(Location.Local, choice.Location);
        Assert.Equal(energies.Min(), choice.Expected.DeviceEnergyJoules, 9);
        Assert.True(choice.Expected.DeviceEnergyJoules < evaluator.LocalCost.DeviceEnergyJoules);
        Assert.Equal(1, choice.Propensity);
    }

    [Fact]
    public void Decide_MoneyAndLatencyGoneNothingFits_LocalOverrunsLeast()
    {
        var budgets = new BudgetState(LatencyRemainingMs: 0, CloudSpendRemainingUsd: 0, double.PositiveInfinity);

        var choice = Greedy.Decide(Scenario.Context(Scenario.Request(modalities: Views), Scenario.Heartbeat(), budgets), new Random(1));

        Assert.Equal(Location.Local, choice.Location);
        Assert.Equal(1, choice.Propensity);
    }

    [Fact]
    public void Decide_MoneyForTextOnly_CloudWithoutImages()
    {
        // Text only costs ≈ $0.00275; one image adds $0.0019.
        var budgets = new BudgetState(double.PositiveInfinity, CloudSpendRemainingUsd: 0.003, double.PositiveInfinity);

        var choice = Greedy.Decide(Scenario.Context(Scenario.Request(modalities: Views), Scenario.Heartbeat(), budgets), new Random(1));

        Assert.NotEqual(Location.Local, choice.Location);
        Assert.Empty(choice.UploadModalityIds);
        Assert.True(choice.Expected.CloudCostUsd <= 0.003);
    }

    [Fact]
    public void Decide_FastDraftHighAlphaHighRtt_SpeculativeWithLongerDraftThanOnWiFi()
    {
        // Latency alone: with default weights the 70 ms LTE round trip paid every round makes plain cloud the better buy.
        var policy = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0, CostWeight = 0, EnergyWeight = 0 });
        var request = Scenario.Request(task: "Message Editing");

        var lte = policy.Decide(Scenario.Context(request, FastDraftOnLte), new Random(1));
        var wifi = policy.Decide(Scenario.Context(request, Scenario.Heartbeat(alpha: 0.9)), new Random(1));

        Assert.Equal(Location.Speculative, lte.Location);
        Assert.Equal(Location.Speculative, wifi.Location);
        Assert.True(lte.DraftLength > wifi.DraftLength, $"k on LTE {lte.DraftLength} should exceed k on Wi-Fi {wifi.DraftLength}");
    }

    [Fact]
    public void Decide_LatencyOnlyObjective_DraftLengthIsThroughputOptimalK()
    {
        var policy = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0, CostWeight = 0, EnergyWeight = 0 });
        var link = new LinkConditions(DeviceProfiles.JetsonOrinNx, NetworkProfiles.Lte, new ChannelState(8, 40, 70, true));
        var model = EdgeCloudCostModel.Default;
        var round = model.RoundCosts(link);
        // With rounds pipelined the round time is no longer a line in k: the throughput-optimal k maximises E[N(k)] / T_pipe(k).
        int analytic = Enumerable.Range(1, policy.Options.MaxDraftLength)
            .MaxBy(k => SpeculativeDecoding.ExpectedTokensPerRound(0.9, k) / PipelinedRound.Of(round, link, 0.9, k).TimeMs);

        var choice = policy.Decide(Scenario.Context(Scenario.Request(task: "Message Editing"), FastDraftOnLte), new Random(1));

        Assert.Equal(Location.Speculative, choice.Location);
        Assert.Equal(analytic, choice.DraftLength);
    }

    [Fact]
    public void Decide_DefaultWeights_DraftLengthIsPricedAnalyticK()
    {
        // The reward is −(w_L/SLO·latency + w_E/E_ref·energy + w_$/$_ref·spend) + terms free of k, so the policy's k
        // must minimise that weighted expected cost of the (pipelined) speculative mode over k.
        var options = Greedy.Options;
        var request = Scenario.Request(task: "Message Editing");
        var model = EdgeCloudCostModel.Default;
        var link = new LinkConditions(DeviceProfiles.JetsonOrinNx, NetworkProfiles.WiFi, new ChannelState(100, 300, 15, true));
        var round = model.RoundCosts(link);
        int analytic = Enumerable.Range(1, options.MaxDraftLength).MinBy(k =>
        {
            var cost = model.Speculative(link, round, request.PromptTokens, request.ExpectedOutputTokens, 0, 0, 0.9, k);
            return (options.LatencyWeight / request.LatencySloMs * cost.LatencyMs)
                + (options.EnergyWeight / options.ReferenceEnergyJoules * cost.DeviceEnergyJoules)
                + (options.CostWeight / options.ReferenceCostUsd * cost.CloudCostUsd);
        });

        var choice = Greedy.Decide(Scenario.Context(request, Scenario.Heartbeat(alpha: 0.9)), new Random(1));

        Assert.Equal(Location.Speculative, choice.Location);
        Assert.Equal(analytic, choice.DraftLength);
    }

    [Fact]
    public void Decide_SlowDraftIdleCloud_PrefersPlainCloud()
    {
        var phone = Scenario.Heartbeat("android-midrange", NetworkType.FiveG, 20, 200, 30, alpha: 0.7);

        var choice = Greedy.Decide(Scenario.Context(Scenario.Request(), phone), new Random(1));

        Assert.Equal(Location.Cloud, choice.Location);
    }

    [Fact]
    public void Decide_UnknownDevice_NeverSpeculative()
    {
        var policy = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 1 });
        var context = Scenario.Context(Scenario.Request(modalities: Views), heartbeat: null);

        for (int seed = 0; seed < 200; seed++)
        {
            Assert.NotEqual(Location.Speculative, policy.Decide(context, new Random(seed)).Location);
        }
    }

    [Fact]
    public void ActionProbabilities_EpsilonGreedy_SumToOneOverFeasible()
    {
        var policy = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0.2 });
        var context = Scenario.Context(Scenario.Request(modalities: Views), FastDraftOnLte);

        var probabilities = policy.ActionProbabilities(context);

        int feasible = probabilities.Count(p => p > 0);
        Assert.Equal(1, probabilities.Sum(), 12);
        Assert.Equal(1, probabilities.Count(p => Math.Abs(p - (0.8 + (0.2 / feasible))) < 1e-12));
        Assert.Equal(feasible - 1, probabilities.Count(p => Math.Abs(p - (0.2 / feasible)) < 1e-12));
    }

    public static TheoryData<string> MaskContexts => ["wifi", "lte-fast-draft", "tight-spend", "tight-slo", "low-memory", "down", "unknown"];

    [Theory]
    [MemberData(nameof(MaskContexts))]
    public void ActionProbabilities_Support_EqualsEvaluatorBudgetMask(string name)
    {
        var request = Scenario.Request(latencySloMs: name == "tight-slo" ? 5_000 : 20_000, modalities: Views);
        var heartbeat = name switch
        {
            "lte-fast-draft" => FastDraftOnLte,
            "low-memory" => Scenario.Heartbeat(freeMemoryMb: 403),
            "down" => Scenario.Heartbeat(network: NetworkType.Disconnected),
            "unknown" => null,
            _ => Scenario.Heartbeat(alpha: 0.85),
        };
        var budgets = name == "tight-spend" ? new BudgetState(double.PositiveInfinity, 0.005, double.PositiveInfinity) : BudgetState.Unlimited;
        var context = Scenario.Context(request, heartbeat, budgets);
        var policy = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0.1 });
        var inputs = PlacementInputs.Resolve(context, policy.Options.MaxDraftLength, policy.Options.Defaults, AcceptanceModel.Default);
        using var evaluator = new ActionEvaluator(inputs, CompositeActionSpace.Get(inputs.ModalityCount, policy.Options.MaxDraftLength),
            EdgeCloudCostModel.Default);
        var mask = new bool[evaluator.Space.Count];
        evaluator.FillMask(mask, applyBudgets: true);

        var probabilities = policy.ActionProbabilities(context);

        Assert.Equal(mask, probabilities.Select(p => p > 0).ToArray());
    }

    [Fact]
    public void ActionProbabilities_NoExploration_AllMassOnTheGreedyAction()
    {
        var context = Scenario.Context(Scenario.Request(modalities: Views), Scenario.Heartbeat());

        var probabilities = Greedy.ActionProbabilities(context);

        Assert.Equal(1, probabilities.Sum(), 12);
        Assert.Equal(1, probabilities.Count(p => p > 0));
        Assert.Equal(1, probabilities[Greedy.Decide(context, new Random(3)).ActionIndex]);
    }

    [Fact]
    public void Decide_Propensity_MatchesActionProbabilities()
    {
        var policy = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0.5 });
        var context = Scenario.Context(Scenario.Request(modalities: Views), Scenario.Heartbeat(alpha: 0.8));
        var probabilities = policy.ActionProbabilities(context);

        for (int seed = 0; seed < 50; seed++)
        {
            var choice = policy.Decide(context, new Random(seed));
            Assert.Equal(probabilities[choice.ActionIndex], choice.Propensity, 12);
        }
    }

    [Fact]
    public void Decide_ManyDraws_GreedyFrequencyMatchesPropensity()
    {
        var policy = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0.3 });
        var context = Scenario.Context(Scenario.Request(modalities: Views), Scenario.Heartbeat());
        var probabilities = policy.ActionProbabilities(context);
        int best = Array.IndexOf(probabilities, probabilities.Max());
        var random = new Random(8);
        const int draws = 4_000;
        int hits = 0;
        for (int i = 0; i < draws; i++)
        {
            hits += policy.Decide(context, random).ActionIndex == best ? 1 : 0;
        }

        double p = probabilities[best];
        Assert.Equal(p, (double)hits / draws, 4 * Math.Sqrt(p * (1 - p) / draws));
    }

    [Fact]
    public void Decide_SameSeed_SameChoice()
    {
        var policy = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0.5 });
        var context = Scenario.Context(Scenario.Request(modalities: Views), FastDraftOnLte);

        for (int seed = 0; seed < 20; seed++)
        {
            var first = policy.Decide(context, new Random(seed));
            var second = policy.Decide(context, new Random(seed));
            Assert.Equal(first.ActionIndex, second.ActionIndex);
            Assert.Equal(first.UploadModalityIds, second.UploadModalityIds);
        }
    }

    [Fact]
    public void Decide_ActionIndex_EncodesTheChoice()
    {
        var policy = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 1 });
        var context = Scenario.Context(Scenario.Request(modalities: Views), FastDraftOnLte);
        var space = CompositeActionSpace.Get(Views.Length, policy.Options.MaxDraftLength);

        for (int seed = 0; seed < 100; seed++)
        {
            var choice = policy.Decide(context, new Random(seed));
            var action = space.Decode(choice.ActionIndex);
            Assert.Equal(action.Location, choice.Location);
            Assert.Equal(action.DraftLength, choice.DraftLength);
            Assert.Equal(action.ModalityCount, choice.UploadModalityIds.Count);
        }
    }

    [Fact]
    public void Decide_UnknownDeviceClass_ThrowsNamingClassAndKnownOnes()
    {
        var context = Scenario.Context(Scenario.Request(), Scenario.Heartbeat("toaster-9000"));

        var error = Assert.Throws<ArgumentException>(() => Greedy.Decide(context, new Random(1)));
        Assert.Contains("Device.DeviceClass", error.Message, StringComparison.Ordinal);
        Assert.Contains("toaster-9000", error.Message, StringComparison.Ordinal);
        Assert.Contains("jetson-tx2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "LatencySloMs")]
    [InlineData(0.0, "LatencySloMs")]
    public void Decide_BadSlo_ThrowsNamingField(double slo, string field)
    {
        var context = Scenario.Context(Scenario.Request(latencySloMs: slo), Scenario.Heartbeat());

        var error = Assert.Throws<ArgumentException>(() => Greedy.Decide(context, new Random(1)));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NegativeModalitySize_ThrowsNamingModality()
    {
        var context = Scenario.Context(Scenario.Request(modalities: [Scenario.Image("front", 0.5, sizeBytes: -1)]), Scenario.Heartbeat());

        var error = Assert.Throws<ArgumentException>(() => Greedy.Decide(context, new Random(1)));
        Assert.Contains("Modalities[0].SizeBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NegativeOutputTokens_ThrowsNamingField()
    {
        var context = Scenario.Context(Scenario.Request(outputTokens: -3), Scenario.Heartbeat());

        var error = Assert.Throws<ArgumentException>(() => Greedy.Decide(context, new Random(1)));
        Assert.Contains("ExpectedOutputTokens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NineModalities_ThrowsNamingModalities()
    {
        var nine = Enumerable.Range(0, 9).Select(i => Scenario.Image($"cam-{i}", 0.5)).ToArray();

        var error = Assert.Throws<ArgumentException>(() => Greedy.Decide(Scenario.Context(Scenario.Request(modalities: nine), Scenario.Heartbeat()), new Random(1)));
        Assert.Contains("Modalities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DuplicateModalityId_ThrowsNamingId()
    {
        var context = Scenario.Context(Scenario.Request(modalities: [Scenario.Image("cam", 0.5), Scenario.Image("cam", 0.4)]), Scenario.Heartbeat());

        var error = Assert.Throws<ArgumentException>(() => Greedy.Decide(context, new Random(1)));
        Assert.Contains("Modalities[1].Id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NaNHeartbeatRtt_ThrowsNamingField()
    {
        var context = Scenario.Context(Scenario.Request(), Scenario.Heartbeat(rttMs: double.NaN));

        var error = Assert.Throws<ArgumentException>(() => Greedy.Decide(context, new Random(1)));
        Assert.Contains("Device.RttMs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NaNBudget_ThrowsNamingBudget()
    {
        var context = Scenario.Context(Scenario.Request(), Scenario.Heartbeat(), new BudgetState(double.NaN, 1, 1));

        var error = Assert.Throws<ArgumentException>(() => Greedy.Decide(context, new Random(1)));
        Assert.Contains("LatencyRemainingMs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AlphaEstimateAboveOne_ThrowsNamingField()
    {
        var context = Scenario.Context(Scenario.Request(), Scenario.Heartbeat(alpha: 1.5));

        var error = Assert.Throws<ArgumentException>(() => Greedy.Decide(context, new Random(1)));
        Assert.Contains("DraftAcceptanceEstimate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5, 16, "Epsilon")]
    [InlineData(0.05, 0, "MaxDraftLength")]
    public void Constructor_BadOptions_ThrowsNamingSetting(double epsilon, int maxDraftLength, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = epsilon, MaxDraftLength = maxDraftLength }));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Constructor_NegativeWeight_ThrowsNamingWeight()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GreedyBudgetPolicy(new GreedyBudgetOptions { LatencyWeight = -1 }));
        Assert.Equal("LatencyWeight", error.ParamName);
    }
}
