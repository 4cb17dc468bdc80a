using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.Tests.EdgeCloud.Environments;

/// <summary>Uplink bits per draft token as a property of the request (greedy ids vs sampled with the draft's probabilities).</summary>
public sealed class EdgeCloudDraftTokenBitsTests
{
    private static readonly EdgeCloudEnvironmentOptions Options = new();

    [Fact]
    public void Workload_ManyRequests_AboutThreeInTenSampleWithTopSixtyFourProbabilities()
    {
        var workload = new EdgeCloudWorkload(AcceptanceModel.Default, 10, 8, seed: 4);
        var requests = Enumerable.Range(0, 4_000).Select(_ => workload.Next(DeviceProfiles.IPhone15Pro)).ToList();

        Assert.All(requests, r => Assert.Contains(r.DraftTokenBits, new[] { 32.0, EdgeCloudWorkload.SampledDraftTokenBits }));
        // 0.3 ± 3.5 sd of 4,000 draws (sd 0.0072).
        Assert.InRange(requests.Count(r => r.DraftTokenBits > 32) / 4_000.0, 0.275, 0.325);
        Assert.Equal(3_072, EdgeCloudWorkload.SampledDraftTokenBits);
    }

    [Fact]
    public void Decision_DenseDistributions_SlowSpeculationButNotCloud()
    {
        var ids = EdgeCloudSanityChecks.Scenario(Options);
        var dense = EdgeCloudSanityChecks.Scenario(Options, draftTokenBits: 512_000);
        var spec = ids.SpeculativeAllPresent(4);

        // 4 drafts × 512 kbit at 8 Mb/s add 256 ms per round on the uplink.
        Assert.True(dense.ExpectedLatencyMs(spec) > ids.ExpectedLatencyMs(spec) + 1_000);
        Assert.Equal(ids.ExpectedLatencyMs(ids.CloudAllPresent), dense.ExpectedLatencyMs(dense.CloudAllPresent));
        Assert.Equal(512_000, dense.Model.Wire.DraftTokenBits);
        Assert.Equal(32, ids.Model.Wire.DraftTokenBits);
    }

    [Fact]
    public void Simulator_SampledRequest_UploadsItsDraftBits()
    {
        var ids = EdgeCloudSanityChecks.Scenario(Options);
        var sampled = EdgeCloudSanityChecks.Scenario(Options, draftTokenBits: EdgeCloudWorkload.SampledDraftTokenBits);

        // Same noise draws: the only difference is the bits per draft token, so the upload grows by proposed × (3,072 − 32) bits.
        var a = Simulate(ids);
        var b = Simulate(sampled);
        Assert.Equal(a.DraftTokensProposed, b.DraftTokensProposed);
        Assert.Equal(a.DraftTokensProposed * (EdgeCloudWorkload.SampledDraftTokenBits - 32) / 8, b.BytesUp - a.BytesUp, 1.0);
    }

    private static RequestOutcomeSample Simulate(EdgeCloudDecision decision)
    {
        var simulator = new EdgeCloudSimulator(decision.Network, decision.Model);
        var action = decision.SpeculativeAllPresent(3);
        var choice = new Controller.Offloading.Placement.PlacementChoice(Contracts.Location.Speculative, [], 3, action, 1,
            new Controller.Offloading.Placement.RequestEstimate(decision.ExpectedLatencyMs(action), 0, decision.ExpectedEnergyJoules(action), decision.ExpectedSpendUsd(action), 0, 0, decision.ExpectedQuality(action)));
        var placement = new Contracts.RequestPlacement
        {
            SchemaVersion = 1, RequestId = Guid.Empty, DeviceId = "d", DialogueId = "w", Turn = 0, TaskCategory = decision.Request.Task, Modalities = [],
            PromptTokens = decision.Request.PromptTokens, ExpectedOutputTokens = decision.Request.OutputTokens, LatencySloMs = double.PositiveInfinity,
            RequestedAt = DateTimeOffset.UnixEpoch,
        };
        return simulator.Simulate(choice, placement, decision.Device, decision.Channel, new Random(9), decision.Request.TextAlpha);
    }
}
