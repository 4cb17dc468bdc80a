using System.Text.Json;
using Controller.Cli.Policies;
using Controller.Contracts;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Persistence.Entities;
using Controller.Service.Decisions;

namespace Controller.Cli.Tests.Policies;

/// <summary>How the gate reads stored decisions: the action rebuilt in the problem's absolute space, the rest skipped by reason.</summary>
public sealed class GateLogTests
{
    private static readonly CompositeActionSpace Space = GateScenario.Space;

    [Fact]
    public void Read_SpeculativeUploadingSecondOffer_ActionInAbsoluteSpaceAndCostsFromOutcome()
    {
        var speculativeSecond = Space.Encode(new CompositeAction(Location.Speculative, 0b10, 2));
        var decision = Decision(Location.Speculative, ["img-b"], 2, allowed: [GateScenario.Local, speculativeSecond]);
        Assert.NotEqual(speculativeSecond, decision.ActionIndex);

        var log = GateLog.Read([decision], GateScenario.Spec.Problem.MaxDraftLength, OffPolicyPromotionGate.RewardWeights);

        var usable = Assert.Single(log.Usable);
        Assert.Equal(speculativeSecond, usable.Action);
        Assert.Equal([7.5, 0.002, 1_800], usable.Costs);
        Assert.Equal(0.25, usable.Propensity);
        Assert.Empty(log.Skipped);
    }

    [Fact]
    public void Read_MaskedActionMissingVectorsOrOutcome_SkippedByReason()
    {
        var masked = Decision(Location.Speculative, [], 1, allowed: [GateScenario.Local]);
        var baseline = Decision(Location.Local, [], 0, allowed: [GateScenario.Local]);
        baseline.Observation = null;
        baseline.ActionMask = null;
        var pending = Decision(Location.Local, [], 0, allowed: [GateScenario.Local]);
        pending.Outcome = null;

        var log = GateLog.Read([masked, baseline, pending], GateScenario.Spec.Problem.MaxDraftLength, OffPolicyPromotionGate.RewardWeights);

        Assert.Empty(log.Usable);
        Assert.Equal(1, log.Skipped[GateLog.OtherSpace]);
        Assert.Equal(1, log.Skipped[GateLog.NoVectors]);
        Assert.Equal(1, log.Skipped[GateLog.NoOutcome]);
        Assert.Equal(2, log.Rewarded.Count);
    }

    [Fact]
    public void Read_BaselineDecisionsOfAnotherKOrMaskedByTheProblem_SkippedByReason()
    {
        var baseline = Decision(Location.Local, [], 0, allowed: [GateScenario.Local]);
        baseline.PolicyName = "baseline-greedy";
        var fallback = Decision(Location.Local, [], 0, allowed: [GateScenario.Local]);
        fallback.FallbackReason = "the policy threw: test";
        var masked = Decision(Location.Speculative, [], 1, allowed: [GateScenario.Local]);
        masked.PolicyName = "baseline-greedy";
        var k = GateScenario.Spec.Problem.MaxDraftLength;

        var otherK = GateLog.Read([baseline, fallback], k, OffPolicyPromotionGate.RewardWeights);
        var sameK = GateLog.Read([baseline, fallback, masked], k, OffPolicyPromotionGate.RewardWeights with { MaxDraftLength = k });

        Assert.Empty(otherK.Usable);
        Assert.Equal(2, otherK.Skipped[GateLog.BaselineOtherSpace]);
        Assert.Equal(2, sameK.Usable.Count);
        Assert.Equal(1, Assert.Single(sameK.Skipped, s => s.Key == GateLog.BaselineMasked).Value);
        Assert.Single(sameK.Skipped);
    }

    private static DecisionEntity Decision(Location location, string[] uploads, int draft, int[] allowed)
    {
        var request = new RequestPlacement
        {
            SchemaVersion = SchemaVersions.Current,
            RequestId = Guid.NewGuid(),
            DeviceId = "dev",
            DialogueId = "d",
            Turn = 0,
            TaskCategory = EdgeCloudProblem.Tasks[0],
            Modalities = [new ModalityOffer { Id = "img-a", Kind = ModalityKind.Image, SizeBytes = 1_000 }, new ModalityOffer { Id = "img-b", Kind = ModalityKind.Image, SizeBytes = 2_000 }],
            PromptTokens = 100,
            ExpectedOutputTokens = 100,
            LatencySloMs = 20_000,
            RequestedAt = DateTimeOffset.UnixEpoch,
        };
        var mask = new bool[Space.Count];
        foreach (var a in allowed)
        {
            mask[a] = true;
        }

        var id = Guid.NewGuid();
        return new DecisionEntity
        {
            DecisionId = id,
            RequestId = request.RequestId,
            DeviceId = "dev",
            DialogueId = "d",
            TaskCategory = request.TaskCategory,
            Location = location.ToString(),
            UploadModalityIds = uploads,
            DraftLength = draft,
            // The request's own space (M = 2): deliberately not the absolute index, which the reader must rebuild.
            ActionIndex = CompositeActionSpace.Get(2, GateScenario.Spec.Problem.MaxDraftLength).Encode(new CompositeAction(location, uploads.Length == 0 ? 0 : 0b10, draft)),
            Propensity = 0.25,
            PolicyName = "logger",
            PolicyVersion = "v0",
            RequestJson = JsonSerializer.Serialize(request, ContractJson.Options),
            Observation = DecisionVectors.Observation(new float[EdgeCloudObservation.Size]),
            ActionMask = DecisionVectors.Mask(mask),
            Outcome = new OutcomeEntity
            {
                DecisionId = id,
                DeviceId = "dev",
                ExecutedLocation = location.ToString(),
                ExecutedModalityIds = uploads,
                TotalLatencyMs = 1_800,
                DeviceEnergyJoules = 7.5,
                CloudCostUsd = 0.002,
                QualityScore = 0.8,
            },
        };
    }
}
