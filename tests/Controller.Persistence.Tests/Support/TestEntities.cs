using Controller.Persistence.Entities;

namespace Controller.Persistence.Tests.Support;

/// <summary>Valid entities with distinct values in every field, so a mixed-up column shows.</summary>
public static class TestEntities
{
    /// <summary>A whole-microsecond instant, so values round-trip exactly on both providers.</summary>
    public static readonly DateTimeOffset BaseTime = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static HeartbeatEntity Heartbeat(string deviceId, DateTimeOffset sentAt, Guid? heartbeatId = null) => new()
    {
        HeartbeatId = heartbeatId ?? Guid.NewGuid(),
        DeviceId = deviceId,
        DeviceClass = "jetson-tx2",
        SentAt = sentAt,
        ReceivedAt = sentAt.AddMilliseconds(12.5),
        BatteryPercent = 81.5,
        EnergyBudgetRemainingJoules = 1234.25,
        FreeMemoryMb = 2048.75,
        CpuLoad = 0.31,
        GpuLoad = 0.62,
        TemperatureCelsius = 47.3,
        Network = "WiFi",
        UplinkMbps = 18.4,
        DownlinkMbps = 96.2,
        RttMs = 23.7,
        DraftAcceptanceEstimate = 0.71,
    };

    public static DecisionEntity Decision(string deviceId, string dialogueId, int turn, DateTimeOffset decidedAt, Guid? requestId = null) => new()
    {
        DecisionId = Guid.NewGuid(),
        RequestId = requestId ?? Guid.NewGuid(),
        DeviceId = deviceId,
        DialogueId = dialogueId,
        Turn = turn,
        TaskCategory = "Assistive System",
        Location = "Speculative",
        UploadModalityIds = ["cam-front", "audio-0"],
        DraftLength = 4,
        ActionIndex = 17,
        Propensity = 0.42,
        PolicyName = "rc-ppo",
        PolicyVersion = "2026.11.22-1",
        DecidedAt = decidedAt,
        ExpiresAt = decidedAt.AddSeconds(30),
        ExpectedLatencyMs = 850.5,
        ExpectedCostUsd = 0.0021,
        ExpectedEnergyJoules = 3.75,
        RequestJson = """{"requestId":"x","dialogueId":"d","turn":0}""",
    };

    public static OutcomeEntity Outcome(DecisionEntity decision, double totalLatencyMs = 912.25, double cloudCostUsd = 0.0019, double energyJoules = 4.5) => new()
    {
        DecisionId = decision.DecisionId,
        DeviceId = decision.DeviceId,
        ExecutedLocation = "Cloud",
        ExecutedModalityIds = ["cam-front"],
        ExecutedDraftLength = 0,
        TimeToFirstTokenMs = 210.75,
        TotalLatencyMs = totalLatencyMs,
        TokensGenerated = 128,
        DraftTokensProposed = 40,
        DraftTokensAccepted = 29,
        BytesUp = 5_000_000_123,
        BytesDown = 4_096,
        DeviceEnergyJoules = energyJoules,
        CloudCostUsd = cloudCostUsd,
        QualityScore = 0.88,
        ReportedAt = decision.DecidedAt.AddSeconds(2),
        ReceivedAt = decision.DecidedAt.AddSeconds(2.5),
    };

    public static PolicyEntity Policy(string name, string version, DateTimeOffset createdAt) => new()
    {
        Name = name,
        Version = version,
        Algorithm = "rc-ppo",
        Status = PolicyStatus.Candidate,
        CreatedAt = createdAt,
        ManifestJson = """{"formatVersion":1}""",
        BundlePath = $"policies/{name}/{version}",
    };

    public static TrainingJobEntity TrainingJob(DateTimeOffset requestedAt) => new()
    {
        JobId = Guid.NewGuid(),
        PolicyName = "rc-ppo",
        Algorithm = "rc-ppo",
        Status = TrainingJobStatus.Queued,
        RequestedAt = requestedAt,
        ConfigJson = """{"steps":1000}""",
    };
}
