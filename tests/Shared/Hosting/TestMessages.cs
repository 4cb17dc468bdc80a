using Controller.Contracts;

namespace Controller.Testing;

/// <summary>Valid messages with realistic values; tests change one field with <c>with</c> to make them invalid.</summary>
public static class TestMessages
{
    public static HeartbeatReported Heartbeat(string deviceId = "device-1", NetworkType network = NetworkType.WiFi) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        HeartbeatId = Guid.NewGuid(),
        DeviceId = deviceId,
        DeviceClass = "jetson-tx2",
        SentAt = DateTimeOffset.UtcNow,
        BatteryPercent = 80,
        EnergyBudgetRemainingJoules = 2_000,
        FreeMemoryMb = 4_096,
        CpuLoad = 0.3,
        GpuLoad = 0.2,
        TemperatureCelsius = 45,
        Network = network,
        UplinkMbps = network == NetworkType.Disconnected ? 0 : 50,
        DownlinkMbps = network == NetworkType.Disconnected ? 0 : 200,
        RttMs = 20,
        DraftAcceptanceEstimate = 0.7,
    };

    public static RequestPlacement Request(string deviceId = "device-1", string? dialogueId = null, int turn = 0) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        RequestId = Guid.NewGuid(),
        DeviceId = deviceId,
        DialogueId = dialogueId ?? $"dialogue-{Guid.NewGuid():N}",
        Turn = turn,
        TaskCategory = "Assistive System",
        Modalities =
        [
            new ModalityOffer { Id = "cam-first-person", Kind = ModalityKind.Image, SizeBytes = 250_000, RelevanceScore = 0.28 },
            new ModalityOffer { Id = "cam-side", Kind = ModalityKind.Image, SizeBytes = 240_000, RelevanceScore = 0.15 },
            new ModalityOffer { Id = "cam-overhead", Kind = ModalityKind.Image, SizeBytes = 260_000 },
        ],
        PromptTokens = 120,
        ExpectedOutputTokens = 150,
        LatencySloMs = 20_000,
        RequestedAt = DateTimeOffset.UtcNow,
    };

    public static OutcomeReported Outcome(PlacementDecided decision, string deviceId = "device-1") => new()
    {
        SchemaVersion = SchemaVersions.Current,
        DecisionId = decision.DecisionId,
        DeviceId = deviceId,
        ExecutedLocation = decision.Location,
        ExecutedModalityIds = decision.UploadModalityIds,
        ExecutedDraftLength = decision.DraftLength,
        TimeToFirstTokenMs = 400,
        TotalLatencyMs = 3_000,
        TokensGenerated = 150,
        DraftTokensProposed = decision.DraftLength > 0 ? 200 : 0,
        DraftTokensAccepted = decision.DraftLength > 0 ? 140 : 0,
        BytesUp = 10_000,
        BytesDown = 2_000,
        DeviceEnergyJoules = 12.5,
        CloudCostUsd = decision.Location == Location.Local ? 0 : 0.004,
        QualityScore = 0.9,
        ReportedAt = DateTimeOffset.UtcNow,
    };
}
