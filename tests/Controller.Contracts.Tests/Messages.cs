namespace Controller.Contracts.Tests;

/// <summary>One fully populated instance of every message, optional fields set, so a round trip covers every field.</summary>
internal static class Messages
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 22, 0, 0, 123, TimeSpan.Zero);

    public static HeartbeatReported Heartbeat() => new()
    {
        SchemaVersion = SchemaVersions.Current,
        HeartbeatId = Guid.Parse("0b7c3d0e-1111-4a4a-9c9c-000000000001"),
        DeviceId = "phone-7",
        DeviceClass = "phone-flagship",
        SentAt = At,
        BatteryPercent = 81.5,
        EnergyBudgetRemainingJoules = 4_200.25,
        FreeMemoryMb = 3_072,
        CpuLoad = 0.35,
        GpuLoad = 0.1,
        TemperatureCelsius = 38.5,
        Network = NetworkType.FiveG,
        UplinkMbps = 42.5,
        DownlinkMbps = 180,
        RttMs = 28.75,
        DraftAcceptanceEstimate = 0.72,
    };

    public static RequestPlacement Request() => new()
    {
        SchemaVersion = SchemaVersions.Current,
        RequestId = Guid.Parse("0b7c3d0e-1111-4a4a-9c9c-000000000002"),
        DeviceId = "phone-7",
        DialogueId = "dialogue-3",
        Turn = 2,
        TaskCategory = "Code",
        Modalities =
        [
            new ModalityOffer { Id = "front", Kind = ModalityKind.Image, SizeBytes = 48_000, RelevanceScore = 0.8 },
            new ModalityOffer { Id = "mic", Kind = ModalityKind.Audio, SizeBytes = 16_000 },
        ],
        PromptTokens = 320,
        ExpectedOutputTokens = 128,
        LatencySloMs = 4_500,
        RequestedAt = At,
    };

    public static PlacementDecided Decision() => new()
    {
        SchemaVersion = SchemaVersions.Current,
        RequestId = Guid.Parse("0b7c3d0e-1111-4a4a-9c9c-000000000002"),
        DecisionId = Guid.Parse("0b7c3d0e-1111-4a4a-9c9c-000000000003"),
        Location = Location.Speculative,
        UploadModalityIds = ["front"],
        DraftLength = 5,
        Propensity = 0.9625,
        PolicyName = "baseline-greedy",
        PolicyVersion = "1",
        DecidedAt = At,
        ExpiresAt = At.AddSeconds(30),
    };

    public static OutcomeReported Outcome() => new()
    {
        SchemaVersion = SchemaVersions.Current,
        DecisionId = Guid.Parse("0b7c3d0e-1111-4a4a-9c9c-000000000003"),
        DeviceId = "phone-7",
        ExecutedLocation = Location.Speculative,
        ExecutedModalityIds = ["front"],
        ExecutedDraftLength = 5,
        TimeToFirstTokenMs = 210.5,
        TotalLatencyMs = 1_840.25,
        TokensGenerated = 128,
        DraftTokensProposed = 140,
        DraftTokensAccepted = 101,
        BytesUp = 52_000,
        BytesDown = 2_048,
        DeviceEnergyJoules = 6.5,
        CloudCostUsd = 0.00042,
        QualityScore = 1.75,
        ReportedAt = At.AddSeconds(2),
    };

    public static PolicyActivated Activation() => new()
    {
        SchemaVersion = SchemaVersions.Current,
        PolicyName = "rc-ppo-edge",
        PolicyVersion = "seed-0",
        Algorithm = "RC-PPO",
        PreviousVersion = "baseline",
        ActivatedAt = At,
        BundleUrlPath = "/v1/policies/rc-ppo-edge/seed-0/bundle",
        BundleSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        BundleSizeBytes = 48_213,
    };
}
