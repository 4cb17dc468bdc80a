using Controller.Contracts;
using Controller.Service.Validation;
using Controller.Testing;

namespace Controller.Service.Tests.Validation;

public sealed class ValidatorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void Heartbeat_Valid_HasNoErrors() =>
        Assert.Empty(HeartbeatValidator.Validate(TestMessages.Heartbeat(), Now));

    [Fact]
    public void Request_Valid_HasNoErrors() =>
        Assert.Empty(RequestPlacementValidator.Validate(TestMessages.Request(), Now));

    public static TheoryData<string, Func<HeartbeatReported, HeartbeatReported>> BadHeartbeats() => new()
    {
        { "batteryPercent", h => h with { BatteryPercent = double.NaN } },
        { "batteryPercent", h => h with { BatteryPercent = 140 } },
        { "energyBudgetRemainingJoules", h => h with { EnergyBudgetRemainingJoules = -1 } },
        { "cpuLoad", h => h with { CpuLoad = double.PositiveInfinity } },
        { "rttMs", h => h with { RttMs = 1e9 } },
        { "network", h => h with { Network = (NetworkType)42 } },
        { "schemaVersion", h => h with { SchemaVersion = 99 } },
        { "heartbeatId", h => h with { HeartbeatId = Guid.Empty } },
        { "deviceId", h => h with { DeviceId = "  " } },
        { "deviceId", h => h with { DeviceId = new string('x', 500) } },
        { "sentAt", h => h with { SentAt = DateTimeOffset.UtcNow.AddDays(3) } },
        { "draftAcceptanceEstimate", h => h with { DraftAcceptanceEstimate = 1.5 } },
    };

    [Theory]
    [MemberData(nameof(BadHeartbeats))]
    public void Heartbeat_BadField_ErrorNamesField(string field, Func<HeartbeatReported, HeartbeatReported> corrupt)
    {
        var errors = HeartbeatValidator.Validate(corrupt(TestMessages.Heartbeat()), Now);
        Assert.Contains(errors, e => e.Field == field);
    }

    public static TheoryData<string, Func<RequestPlacement, RequestPlacement>> BadRequests() => new()
    {
        { "expectedOutputTokens", r => r with { ExpectedOutputTokens = 0 } },
        { "promptTokens", r => r with { PromptTokens = -3 } },
        { "latencySloMs", r => r with { LatencySloMs = double.NaN } },
        { "turn", r => r with { Turn = -1 } },
        { "modalities", r => r with { Modalities = null! } },
        { "modalities[1].sizeBytes", r => r with { Modalities = [r.Modalities[0], r.Modalities[1] with { SizeBytes = -5 }] } },
        { "modalities[1].id", r => r with { Modalities = [r.Modalities[0], r.Modalities[0]] } },
        { "modalities[0].kind", r => r with { Modalities = [r.Modalities[0] with { Kind = (ModalityKind)9 }] } },
        { "modalities[0].relevanceScore", r => r with { Modalities = [r.Modalities[0] with { RelevanceScore = -0.1 }] } },
        { "modalities", r => r with { Modalities = [.. Enumerable.Range(0, 9).Select(i => r.Modalities[0] with { Id = $"m{i}" })] } },
        { "taskCategory", r => r with { TaskCategory = "" } },
        { "requestedAt", r => r with { RequestedAt = default } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Request_BadField_ErrorNamesField(string field, Func<RequestPlacement, RequestPlacement> corrupt)
    {
        var errors = RequestPlacementValidator.Validate(corrupt(TestMessages.Request()), Now);
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void Outcome_AcceptedMoreThanProposed_ErrorNamesAccepted()
    {
        var decision = SampleDecision();
        var outcome = TestMessages.Outcome(decision) with { DraftTokensProposed = 10, DraftTokensAccepted = 11 };
        Assert.Contains(OutcomeValidator.Validate(outcome, Now), e => e.Field == "draftTokensAccepted");
    }

    [Fact]
    public void Outcome_FirstTokenAfterTotal_ErrorNamesFirstToken()
    {
        var outcome = TestMessages.Outcome(SampleDecision()) with { TimeToFirstTokenMs = 5_000, TotalLatencyMs = 3_000 };
        Assert.Contains(OutcomeValidator.Validate(outcome, Now), e => e.Field == "timeToFirstTokenMs");
    }

    [Fact]
    public void Outcome_NegativeCostAndNaNEnergy_BothReported()
    {
        var outcome = TestMessages.Outcome(SampleDecision()) with { CloudCostUsd = -0.01, DeviceEnergyJoules = double.NaN };
        var errors = OutcomeValidator.Validate(outcome, Now);
        Assert.Contains(errors, e => e.Field == "cloudCostUsd" && e.Message.Contains("-0.01", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "deviceEnergyJoules" && e.Message.Contains("NaN", StringComparison.Ordinal));
    }

    public static TheoryData<Location, string, Func<OutcomeReported, OutcomeReported>> SelfContradictingOutcomes() => new()
    {
        { Location.Local, "executedModalityIds", o => o with { ExecutedModalityIds = ["cam-side"] } },
        { Location.Local, "executedDraftLength", o => o with { ExecutedDraftLength = 4 } },
        { Location.Local, "draftTokensProposed", o => o with { DraftTokensProposed = 12, DraftTokensAccepted = 3 } },
        { Location.Local, "cloudCostUsd", o => o with { CloudCostUsd = 0.002 } },
        { Location.Cloud, "executedDraftLength", o => o with { ExecutedDraftLength = 3 } },
        { Location.Cloud, "draftTokensProposed", o => o with { DraftTokensProposed = 9 } },
        { Location.Speculative, "executedDraftLength", o => o with { ExecutedDraftLength = 0 } },
        { Location.Cloud, "executedModalityIds[1]", o => o with { ExecutedModalityIds = ["cam-side", "cam-side"] } },
    };

    [Theory]
    [MemberData(nameof(SelfContradictingOutcomes))]
    public void Outcome_ContradictsItsLocation_ErrorNamesTheField(Location location, string field, Func<OutcomeReported, OutcomeReported> spoil)
    {
        var consistent = ConsistentOutcome(location);
        Assert.Empty(OutcomeValidator.Validate(consistent, Now));

        var errors = OutcomeValidator.Validate(spoil(consistent), Now);

        Assert.Contains(errors, e => e.Field == field);
    }

    /// <summary>An outcome whose fields agree with <paramref name="location"/>, as the simulated agent reports them.</summary>
    private static OutcomeReported ConsistentOutcome(Location location)
    {
        var decision = SampleDecision() with
        {
            Location = location,
            UploadModalityIds = location == Location.Local ? [] : ["cam-side"],
            DraftLength = location == Location.Speculative ? 4 : 0,
        };
        return TestMessages.Outcome(decision) with { ReportedAt = Now };
    }

    internal static PlacementDecided SampleDecision() => new()
    {
        SchemaVersion = SchemaVersions.Current,
        RequestId = Guid.NewGuid(),
        DecisionId = Guid.NewGuid(),
        Location = Location.Speculative,
        UploadModalityIds = ["cam-side"],
        DraftLength = 4,
        Propensity = 0.95,
        PolicyName = "baseline-greedy",
        PolicyVersion = "1",
        DecidedAt = Now,
        ExpiresAt = Now.AddSeconds(30),
    };
}
