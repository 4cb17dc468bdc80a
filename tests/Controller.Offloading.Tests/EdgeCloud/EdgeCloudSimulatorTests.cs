using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;
using Controller.Offloading.Tests.Placement;

namespace Controller.Offloading.Tests.EdgeCloud;

public sealed class EdgeCloudSimulatorTests
{
    private static readonly ChannelState WiFi = new(100, 300, 15, true);
    private static readonly RequestEstimate AnyEstimate = new(0, 0, 0, 0, 0, 0, 0);

    private static PlacementChoice Choice(Location location, int k = 0, params string[] ids) =>
        new(location, ids, k, ActionIndex: 0, Propensity: 1, AnyEstimate);

    [Theory]
    [InlineData(0.6, 4)]
    [InlineData(0.8, 6)]
    [InlineData(0.9, 12)]
    public void SampleTokensPerRound_ManyRounds_MeanConvergesToExpectedTokens(double alpha, int k)
    {
        var random = new Random(2024);
        const int rounds = 100_000;
        double sum = 0;
        for (int i = 0; i < rounds; i++)
        {
            sum += EdgeCloudSimulator.SampleTokensPerRound(alpha, k, random);
        }

        // Var[N] from the truncated geometric law: Σ n²·P(n) − E[N]².
        double mean = SpeculativeDecoding.ExpectedTokensPerRound(alpha, k);
        double secondMoment = 0;
        for (int n = 1; n <= k; n++)
        {
            secondMoment += n * n * Math.Pow(alpha, n - 1) * (1 - alpha);
        }

        secondMoment += (k + 1) * (k + 1) * Math.Pow(alpha, k);
        double standardError = Math.Sqrt((secondMoment - (mean * mean)) / rounds);
        Assert.InRange(sum / rounds, mean - (4 * standardError), mean + (4 * standardError));
    }

    [Fact]
    public void SampleTokensPerRound_AllDraftsAccepted_ProbabilityAlphaToTheK()
    {
        var random = new Random(5);
        const int rounds = 100_000;
        int full = 0;
        for (int i = 0; i < rounds; i++)
        {
            full += EdgeCloudSimulator.SampleTokensPerRound(0.8, 3, random) == 4 ? 1 : 0;
        }

        double p = Math.Pow(0.8, 3);
        Assert.Equal(p, (double)full / rounds, 4 * Math.Sqrt(p * (1 - p) / rounds));
    }

    [Fact]
    public void Simulate_NoNoiseCloud_EqualsCostModelExpectation()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.WiFi, noise: SimulationNoise.None);
        var request = Scenario.Request(modalities: [Scenario.Image("front", 0.9)]);
        var link = new LinkConditions(DeviceProfiles.JetsonOrinNx, NetworkProfiles.WiFi, WiFi);
        var expected = EdgeCloudCostModel.Default.CloudOnly(link, 300, 200, 200_000, 1);

        var sample = simulator.Simulate(Choice(Location.Cloud, 0, "front"), request, DeviceProfiles.JetsonOrinNx, WiFi, new Random(1));

        Assert.Equal(Location.Cloud, sample.ExecutedLocation);
        Assert.Equal(expected.LatencyMs, sample.TotalLatencyMs, 9);
        Assert.Equal(expected.TimeToFirstTokenMs, sample.TimeToFirstTokenMs, 9);
        Assert.Equal(expected.DeviceEnergyJoules, sample.DeviceEnergyJoules, 9);
        Assert.Equal(expected.CloudCostUsd, sample.CloudCostUsd, 12);
        Assert.Equal((long)expected.BytesUp, sample.BytesUp);
        Assert.Equal(EdgeCloudCostModel.Default.Quality.Cloud(0.9), sample.QualityScore, 12);
    }

    [Fact]
    public void Simulate_NoNoiseLocal_EqualsCostModelExpectation()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.WiFi, noise: SimulationNoise.None);
        var expected = EdgeCloudCostModel.Default.Local(DeviceProfiles.JetsonTx2, 300, 200);

        var sample = simulator.Simulate(Choice(Location.Local), Scenario.Request(), DeviceProfiles.JetsonTx2, WiFi, new Random(1));

        Assert.Equal(expected.LatencyMs, sample.TotalLatencyMs, 9);
        Assert.Equal(expected.DeviceEnergyJoules, sample.DeviceEnergyJoules, 9);
        Assert.Equal(0, sample.CloudCostUsd);
        Assert.Equal(200, sample.TokensGenerated);
    }

    [Fact]
    public void Simulate_Speculative_CountsAreConsistent()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.WiFi);
        var random = new Random(9);

        var sample = simulator.Simulate(Choice(Location.Speculative, 6), Scenario.Request(), DeviceProfiles.JetsonOrinNx, WiFi, random, textAlpha: 0.8);

        Assert.Equal(200, sample.TokensGenerated);
        Assert.InRange(sample.DraftTokensAccepted, 0, sample.DraftTokensProposed);
        // Each round yields its accepted drafts plus one token, and drafts at most k.
        int rounds = sample.TokensGenerated - sample.DraftTokensAccepted;
        Assert.True(sample.DraftTokensProposed <= 6 * rounds);
        Assert.True(sample.TimeToFirstTokenMs < sample.TotalLatencyMs);
        Assert.True(sample.CloudCostUsd > 0 && sample.DeviceEnergyJoules > 0 && sample.BytesUp > 0);
    }

    [Fact]
    public void Simulate_SpeculativeManyRequests_MeanNearPlanningExpectation()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.WiFi);
        var random = new Random(17);
        var link = new LinkConditions(DeviceProfiles.JetsonOrinNx, NetworkProfiles.WiFi, WiFi);
        var model = EdgeCloudCostModel.Default;
        var expected = model.Speculative(link, model.RoundCosts(link), 300, 200, 0, 0, alpha: 0.8, draftLength: 6);
        double latency = 0;
        double energy = 0;
        double spend = 0;
        double accepted = 0;
        double proposed = 0;
        const int requests = 400;
        for (int i = 0; i < requests; i++)
        {
            var sample = simulator.Simulate(Choice(Location.Speculative, 6), Scenario.Request(), DeviceProfiles.JetsonOrinNx, WiFi, random, 0.8);
            latency += sample.TotalLatencyMs;
            energy += sample.DeviceEnergyJoules;
            spend += sample.CloudCostUsd;
            accepted += sample.DraftTokensAccepted;
            proposed += sample.DraftTokensProposed;
        }

        // The planning model ignores the shortened last round and log-normal jitter is mean-1, so means agree to a few percent.
        // Played-out pipelining (pre-drafts kept when every draft and the bonus token match) agrees with PipelinedRound's expectation.
        Assert.Equal(expected.LatencyMs, latency / requests, expected.LatencyMs * 0.05);
        Assert.Equal(expected.DeviceEnergyJoules, energy / requests, expected.DeviceEnergyJoules * 0.05);
        Assert.Equal(expected.CloudCostUsd, spend / requests, expected.CloudCostUsd * 0.05);
        Assert.Equal(SpeculativeDecoding.AcceptedFraction(SpeculativeDecoding.ExpectedTokensPerRound(0.8, 6), 6), accepted / proposed, 0.03);
    }

    [Fact]
    public void Simulate_CloudOnDownLink_FallsBackToLocal()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.Lte);

        var sample = simulator.Simulate(Choice(Location.Cloud, 0, "front"), Scenario.Request(modalities: [Scenario.Image("front", 0.9)]),
            DeviceProfiles.IPhone15Pro, ChannelState.Down, new Random(1));

        Assert.Equal(Location.Local, sample.ExecutedLocation);
        Assert.Empty(sample.ExecutedModalityIds);
        Assert.Equal(0, sample.BytesUp);
        Assert.Equal(0, sample.CloudCostUsd);
    }

    [Fact]
    public void Simulate_SameSeed_SameSample()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.FiveG);
        var request = Scenario.Request();
        var channel = new ChannelState(20, 200, 30, true);

        var first = simulator.Simulate(Choice(Location.Speculative, 5), request, DeviceProfiles.IPhone15Pro, channel, new Random(4));
        var second = simulator.Simulate(Choice(Location.Speculative, 5), request, DeviceProfiles.IPhone15Pro, channel, new Random(4));

        Assert.Equal(first with { ExecutedModalityIds = [] }, second with { ExecutedModalityIds = [] });
    }

    [Fact]
    public void Simulate_UnofferedModality_ThrowsNamingIt()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.WiFi);

        var error = Assert.Throws<ArgumentException>(() => simulator.Simulate(Choice(Location.Cloud, 0, "ghost"),
            Scenario.Request(), DeviceProfiles.JetsonOrinNx, WiFi, new Random(1)));
        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_SpeculativeWithZeroDraft_ThrowsNamingChoice()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.WiFi);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Simulate(Choice(Location.Speculative, 0),
            Scenario.Request(), DeviceProfiles.JetsonOrinNx, WiFi, new Random(1)));
        Assert.Equal("choice", error.ParamName);
    }

    [Fact]
    public void Simulate_NaNAlpha_ThrowsNamingTextAlpha()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.WiFi);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Simulate(Choice(Location.Speculative, 3),
            Scenario.Request(), DeviceProfiles.JetsonOrinNx, WiFi, new Random(1), double.NaN));
        Assert.Equal("textAlpha", error.ParamName);
    }

    [Fact]
    public void Simulate_NaNChannel_ThrowsNamingChannel()
    {
        var simulator = new EdgeCloudSimulator(NetworkProfiles.WiFi);

        var error = Assert.Throws<ArgumentException>(() => simulator.Simulate(Choice(Location.Local),
            Scenario.Request(), DeviceProfiles.JetsonOrinNx, new ChannelState(double.NaN, 10, 10, true), new Random(1)));
        Assert.Equal("channel", error.ParamName);
    }
}
