using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.Tests.EdgeCloud.Environments;

public sealed class EdgeCloudEnvironmentTests
{
    [Fact]
    public void Reset_SameSeed_SameRequestsAndOutcomes()
    {
        var first = EdgeCloudTestWorld.PlayWindow(EdgeCloudTestWorld.Create(), 11, (env, _) => env.Fallback);
        var second = EdgeCloudTestWorld.PlayWindow(EdgeCloudTestWorld.Create(), 11, (env, _) => env.Fallback);

        Assert.Equal(first, second);
        Assert.True(first.Count > 5);
    }

    [Fact]
    public void Requests_DifferentPolicies_SeeTheSameRequestSequence()
    {
        var localRequests = new List<EdgeCloudRequest>();
        var cloudRequests = new List<EdgeCloudRequest>();
        EdgeCloudTestWorld.PlayWindow(EdgeCloudTestWorld.Create(new EdgeCloudEnvironmentOptions { MaskOverBudget = false }), 4, (env, _) =>
        {
            localRequests.Add(env.Decision.Request);
            return 0;
        });
        EdgeCloudTestWorld.PlayWindow(EdgeCloudTestWorld.Create(new EdgeCloudEnvironmentOptions { MaskOverBudget = false }), 4, (env, mask) =>
        {
            cloudRequests.Add(env.Decision.Request);
            return mask[env.Decision.CloudAllPresent] ? env.Decision.CloudAllPresent : 0;
        });

        var shared = Math.Min(localRequests.Count, cloudRequests.Count);
        Assert.True(shared > 5);
        Assert.Equal(localRequests.Take(shared).Select(Describe), cloudRequests.Take(shared).Select(Describe));
    }

    [Fact]
    public void Step_Costs_AreTheOutcomeDividedByTheWindowBudgets()
    {
        var options = new EdgeCloudEnvironmentOptions { EnergyBudgetJoules = 1_000, SpendBudgetUsd = 0.05, LatencySloMs = 5_000, SloMissesPerWindow = 2, MaskOverBudget = false };
        var environment = EdgeCloudTestWorld.Create(options, new ChannelState(10, 50, 50, true));
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        var costs = new float[environment.Spec.CostCount];
        environment.Reset(8, observation, mask);
        var action = environment.Decision.CloudAllPresent;

        var result = environment.Step(action, observation, mask, costs);
        var outcome = environment.LastOutcome;

        Assert.Equal(Location.Cloud, outcome.Location);
        Assert.Equal(outcome.EnergyJoules / 1_000, costs[0], 5);
        Assert.Equal(outcome.SpendUsd / 0.05, costs[1], 5);
        Assert.Equal(outcome.LatencyMs > 5_000 ? 0.5f : 0f, costs[2]);
        Assert.Equal(outcome.Quality * outcome.Tokens / (outcome.LatencyMs / 1_000), outcome.Rate, 6);
        Assert.Equal((float)(outcome.Rate * options.RewardScale), result.Reward, 4);
        Assert.Equal(outcome.EnergyJoules, environment.WindowEnergyJoules, 6);
    }

    [Fact]
    public void Step_WindowTimeUsedUp_EndsTheEpisode()
    {
        var options = new EdgeCloudEnvironmentOptions { WindowSeconds = 120, MaskOverBudget = false };
        var environment = EdgeCloudTestWorld.Create(options);
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        var costs = new float[environment.Spec.CostCount];
        environment.Reset(6, observation, mask);
        var start = environment.TimeSeconds;
        var steps = 0;
        while (!environment.Step(0, observation, mask, costs).Done)
        {
            steps++;
            Assert.True(environment.TimeSeconds < start + 120);
        }

        Assert.True(environment.TimeSeconds >= start + 120);
        Assert.Throws<InvalidOperationException>(() => environment.Step(0, observation, mask, costs));

        // Without a seed the next window continues the same device's timeline.
        environment.Reset(null, observation, mask);
        Assert.Equal(environment.TimeSeconds + 120, environment.WindowEndSeconds, 6);
        Assert.True(environment.TimeSeconds >= start + 120);
    }

    [Fact]
    public void Step_MaskedAction_Throws()
    {
        var environment = EdgeCloudTestWorld.Create(channel: ChannelState.Down);
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        var costs = new float[environment.Spec.CostCount];
        environment.Reset(0, observation, mask);

        var error = Assert.Throws<InvalidOperationException>(() => environment.Step(1, observation, mask, costs));
        Assert.Contains("masked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observation_MatchesTheNamedFeatures()
    {
        var environment = EdgeCloudTestWorld.Create(channel: new ChannelState(15, 200, 42, true));
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        environment.Reset(9, observation, mask);
        var names = EdgeCloudObservation.Names;

        Assert.Equal(names.Count, observation.Length);
        Assert.Equal(42 / 300f, observation[IndexOf(names, "link/rtt_300ms")], 5);
        Assert.Equal(1f, observation[IndexOf(names, "link/up")]);
        Assert.Equal((float)environment.Decision.Request.AlphaEstimate, observation[IndexOf(names, "request/alpha_estimate")], 5);
        Assert.Equal(1f, observation[IndexOf(names, "window/energy_left")]);
        Assert.All(observation, v => Assert.True(float.IsFinite(v)));
    }

    [Theory]
    [InlineData("EnergyBudgetJoules")]
    [InlineData("SpendBudgetUsd")]
    [InlineData("LatencySloMs")]
    [InlineData("WindowSeconds")]
    [InlineData("MaxDraftLength")]
    [InlineData("Devices")]
    [InlineData("Networks")]
    public void Options_BadSetting_FailsNamingIt(string setting)
    {
        var options = setting switch
        {
            "EnergyBudgetJoules" => new EdgeCloudEnvironmentOptions { EnergyBudgetJoules = 0 },
            "SpendBudgetUsd" => new EdgeCloudEnvironmentOptions { SpendBudgetUsd = double.NaN },
            "LatencySloMs" => new EdgeCloudEnvironmentOptions { LatencySloMs = -1 },
            "WindowSeconds" => new EdgeCloudEnvironmentOptions { WindowSeconds = double.PositiveInfinity },
            "MaxDraftLength" => new EdgeCloudEnvironmentOptions { MaxDraftLength = 0 },
            "Devices" => new EdgeCloudEnvironmentOptions { Devices = [] },
            _ => new EdgeCloudEnvironmentOptions { Networks = [NetworkType.Disconnected] },
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => options.Validated());
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UnknownDevice_FailsNamingTheClass()
    {
        var error = Assert.Throws<ArgumentException>(() => new EdgeCloudEnvironmentOptions { Devices = ["toaster-9000"] }.Validated());
        Assert.Contains("toaster-9000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void World_ShippedTraces_LoadForEveryNetworkAndReplayTheFile()
    {
        var dataset = EdgeCloudWorld.FindShippedDataset(AppContext.BaseDirectory);
        Assert.NotNull(dataset);
        var environment = EdgeCloudWorld.CreateEnvironment(new EdgeCloudEnvironmentOptions(), dataset);
        var lte = Controller.Training.EdgeCloud.Datasets.ShippedChannelTraces.Load(dataset!, NetworkType.Lte);
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        for (var seed = 0; seed < 20; seed++)
        {
            environment.Reset(seed, observation, mask);
            if (environment.Network.Type == NetworkType.Lte)
            {
                var channel = environment.Decision.Channel;
                Assert.Contains(lte.Samples, s => s.UplinkMbps == channel.UplinkMbps && s.RttMs == channel.RttMs);
                return;
            }
        }

        Assert.Fail("no LTE device in 20 seeds");
    }

    [Fact]
    public void World_MissingTraceDirectory_FailsNamingTheFile()
    {
        var error = Assert.ThrowsAny<Exception>(() => EdgeCloudWorld.CreateEnvironment(new EdgeCloudEnvironmentOptions(), "/no/such/edge-cloud"));
        Assert.Contains("/no/such/edge-cloud", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(EdgeCloudRequest r) =>
        $"{r.Task}|{r.PromptTokens}|{r.OutputTokens}|{r.TextAlpha}|{r.AlphaEstimate}|{r.FreeMemoryMb}|{r.ThinkSeconds}|{string.Join(";", r.Modalities)}";

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        var index = names.ToList().IndexOf(name);
        Assert.True(index >= 0, name);
        return index;
    }
}
