using Controller.Contracts;
using Controller.Learning.Nn;
using Controller.Learning.Policies;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Service.Options;
using Controller.Service.Policies;
using Microsoft.Extensions.Options;

namespace Controller.Service.Tests.Policies;

/// <summary>The learned policy in the decision path: masks honoured, true propensities with a floor, no allocation in the forward, fallbacks named.</summary>
public sealed class LearnedPlacementPolicyTests
{
    private static readonly EdgeCloudPolicySpec Spec = new(
        new EdgeCloudServingProblem(new WindowBudgets(800, 0.10, 600, 20_000, 8, 10), 8, MaskOverBudget: true),
        DraftLengthActions.RelativeToPlanner, PlannerPriorSharpness: 5);

    private static readonly string[] Devices = ["iphone-15-pro", "android-midrange", "jetson-orin-nx", "raspberry-pi-5"];

    [Fact]
    public void Decide_ManyRandomContexts_NeverAMaskedActionAndPropensityIsTheDrawProbability()
    {
        var policy = Create(explorationFloor: 0.05);
        var random = new Random(3);
        var fellBack = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var context = RandomContext(random);
            var choice = policy.Decide(context, random);
            if (choice.FallbackReason is not null)
            {
                fellBack++;
                continue;
            }

            var decision = EdgeCloudServingSituation.Create(context, Spec.Problem, out _)!;
            var mask = new bool[decision.Space.Count];
            EdgeCloudServingSituation.Write(decision, Spec.Problem, new float[EdgeCloudObservation.Size], mask);
            var absolute = decision.Space.Encode(new CompositeAction(choice.Location,
                ModalityMask(context.Request, choice.UploadModalityIds), choice.DraftLength));
            Assert.True(mask[absolute], $"context {i}: chose masked action {EdgeCloudActionLabels.Label(decision.Space, absolute)}");
            Assert.Equal(mask, choice.Mask);
            var allowed = mask.Count(m => m);
            // Every allowed action keeps at least η/n (relative and absolute allowed actions correspond one to one).
            Assert.InRange(choice.Propensity, (0.05 / allowed) - 1e-6, 1);
        }

        Assert.True(fellBack < 2_000 / 10, $"{fellBack} fallbacks");
    }

    [Fact]
    public void Forward_Warm_AllocatesNothing()
    {
        var policy = Create(explorationFloor: 0.05);
        var random = new Random(5);
        var decision = EdgeCloudServingSituation.Create(RandomContext(random), Spec.Problem, out _)!;
        var scratch = new LearnedPlacementPolicy.Scratch(decision.Space.Count, RelativeDraftActionSpace.Get(3, 8).Count);
        Assert.True(policy.Forward(decision, scratch));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            policy.Forward(decision, scratch);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Decide_EmpiricalFrequencies_MatchLoggedPropensities()
    {
        var policy = Create(explorationFloor: 0.2);
        var context = RandomContext(new Random(8));
        var random = new Random(9);
        var counts = new Dictionary<(Location, int, string), (int Count, double Propensity)>();
        const int draws = 20_000;
        for (var i = 0; i < draws; i++)
        {
            var c = policy.Decide(context, random);
            var key = (c.Location, c.DraftLength, string.Join(",", c.UploadModalityIds));
            counts[key] = counts.TryGetValue(key, out var seen) ? (seen.Count + 1, c.Propensity) : (1, c.Propensity);
        }

        Assert.Equal(1.0, counts.Values.Sum(v => v.Propensity), 3);
        foreach (var (key, (count, propensity)) in counts)
        {
            // Binomial: within 4.5 sd of the logged probability.
            var sd = Math.Sqrt(propensity * (1 - propensity) / draws);
            Assert.InRange((double)count / draws, propensity - (4.5 * sd) - 1e-4, propensity + (4.5 * sd) + 1e-4);
        }
    }

    [Fact]
    public void Decide_UnknownDevice_BaselineDecidesAndSaysWhy()
    {
        var policy = Create(explorationFloor: 0.05);
        var context = RandomContext(new Random(1)) with { Device = null };

        var choice = policy.Decide(context, new Random(1));

        Assert.Contains("heartbeat", choice.FallbackReason);
        Assert.Null(choice.Observation);
    }

    [Fact]
    public void Decide_NetworkGivesNaN_BaselineDecidesAndSaysWhy()
    {
        var network = Mlp.CreateZeroed("pi", EdgeCloudObservation.Size, [8], RelativeDraftActionSpace.Get(3, 8).Count, Activation.Tanh);
        network.Parameters[0].Value[0] = float.NaN;
        var bundle = BundleOf(network);
        var policy = new LearnedPlacementPolicy(bundle.Manifest, bundle.Policy, Spec, new GreedyBudgetPolicy(new GreedyBudgetOptions()), 0.05);
        var context = RandomContext(new Random(2));

        var choice = policy.Decide(context, new Random(2));

        Assert.NotNull(choice.FallbackReason);
        Assert.Matches("not finite|threw", choice.FallbackReason);
    }

    [Fact]
    public void Loader_ManifestOfAnotherProblem_IncompatibleWithReason()
    {
        var loader = new LearnedPolicyLoader(Microsoft.Extensions.Options.Options.Create(new DecisionOptions()));
        var bundle = BundleOf(Network(0));

        Assert.Null(loader.Incompatibility(bundle.Manifest));
        Assert.Contains("problem.name", loader.Incompatibility(bundle.Manifest with { Problem = new Dictionary<string, System.Text.Json.JsonElement>() }));
        var renamed = bundle.Manifest with { Observation = bundle.Manifest.Observation with { FeatureNames = [.. EdgeCloudObservation.Names.Reverse()] } };
        Assert.Contains("observation features differ", loader.Incompatibility(renamed));
        var fewer = bundle.Manifest with { Actions = new ActionSpec([.. bundle.Manifest.Actions.ActionNames.Take(73)]) };
        Assert.Contains("actions named differently", loader.Incompatibility(fewer));
        var q = bundle.Manifest with { Network = bundle.Manifest.Network with { Head = PolicyHead.QValues } };
        Assert.Contains("head", loader.Incompatibility(q));
        Assert.Throws<PolicyBundleException>(() => loader.Load(bundle with { Manifest = q }));
        Assert.IsType<LearnedPlacementPolicy>(loader.Load(bundle));
    }

    internal static LearnedPlacementPolicy Create(double explorationFloor)
    {
        var bundle = BundleOf(Network(7));
        return new LearnedPlacementPolicy(bundle.Manifest, bundle.Policy, Spec, new GreedyBudgetPolicy(new GreedyBudgetOptions()), explorationFloor);
    }

    private static Mlp Network(int seed) =>
        Mlp.Create("pi", EdgeCloudObservation.Size, [16], RelativeDraftActionSpace.Get(3, 8).Count, Activation.Tanh, WeightInit.PolicyHead, new Random(seed));

    internal static PolicyBundle BundleOf(Mlp network)
    {
        var relative = RelativeDraftActionSpace.Get(3, 8);
        var policy = new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(EdgeCloudObservation.Names),
            new ActionSpec([.. Enumerable.Range(0, relative.Count).Select(relative.Label)]));
        var manifest = new PolicyManifest
        {
            Name = "test-policy",
            Version = "seed-0",
            Algorithm = "RC-PPO",
            Hyperparameters = new Dictionary<string, System.Text.Json.JsonElement>(),
            Observation = policy.Observation,
            Actions = policy.Actions,
            Network = new NetworkSpec(PolicyHead.Categorical, "pi", [16], Activation.Tanh),
            Problem = Spec.ToManifest(),
        };
        return new PolicyBundle(manifest, policy);
    }

    private static int ModalityMask(RequestPlacement request, IReadOnlyList<string> ids)
    {
        var mask = 0;
        for (var i = 0; i < request.Modalities.Count; i++)
        {
            mask |= ids.Contains(request.Modalities[i].Id) ? 1 << i : 0;
        }

        return mask;
    }

    private static PlacementContext RandomContext(Random random)
    {
        var networks = new[] { NetworkType.WiFi, NetworkType.FiveG, NetworkType.Lte, NetworkType.PoorCell, NetworkType.Disconnected };
        var network = networks[random.Next(networks.Length)];
        var offers = Enumerable.Range(0, random.Next(4))
            .Select(i => new ModalityOffer { Id = $"cam{i}", Kind = ModalityKind.Image, SizeBytes = random.Next(100_000, 900_000), RelevanceScore = random.NextDouble() })
            .ToList();
        var request = new RequestPlacement
        {
            SchemaVersion = SchemaVersions.Current,
            RequestId = Guid.NewGuid(),
            DeviceId = "dev",
            DialogueId = "d",
            Turn = 0,
            TaskCategory = EdgeCloudProblem.Tasks[random.Next(EdgeCloudProblem.Tasks.Count)],
            Modalities = offers,
            PromptTokens = random.Next(30, 400),
            ExpectedOutputTokens = random.Next(20, 600),
            LatencySloMs = 20_000,
            RequestedAt = DateTimeOffset.UnixEpoch,
        };
        var heartbeat = new HeartbeatReported
        {
            SchemaVersion = SchemaVersions.Current,
            HeartbeatId = Guid.NewGuid(),
            DeviceId = "dev",
            DeviceClass = Devices[random.Next(Devices.Length)],
            SentAt = DateTimeOffset.UnixEpoch,
            BatteryPercent = 50,
            EnergyBudgetRemainingJoules = random.NextDouble() * 1_000,
            FreeMemoryMb = random.NextDouble() < 0.8 ? 8_000 : 800 + (random.NextDouble() * 10),
            CpuLoad = 0.2,
            GpuLoad = 0.1,
            TemperatureCelsius = 30 + (random.NextDouble() * 60),
            Network = network,
            UplinkMbps = network == NetworkType.Disconnected ? 0 : 0.5 + (random.NextDouble() * 100),
            DownlinkMbps = network == NetworkType.Disconnected ? 0 : 1 + (random.NextDouble() * 200),
            RttMs = 10 + (random.NextDouble() * 250),
            DraftAcceptanceEstimate = random.NextDouble() < 0.5 ? null : 0.4 + (random.NextDouble() * 0.5),
        };
        return new PlacementContext(request, heartbeat,
            new BudgetState(30_000, random.NextDouble() * 0.06, heartbeat.EnergyBudgetRemainingJoules));
    }
}
