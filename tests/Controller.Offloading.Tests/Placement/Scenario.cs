using Controller.Contracts;
using Controller.Offloading.Placement;

namespace Controller.Offloading.Tests.Placement;

/// <summary>Builds requests, heartbeats and contexts for placement tests; every field has a plain default.</summary>
internal static class Scenario
{
    public static ModalityOffer Image(string id, double? relevance, long sizeBytes = 200_000) =>
        new() { Id = id, Kind = ModalityKind.Image, SizeBytes = sizeBytes, RelevanceScore = relevance };

    public static RequestPlacement Request(string task = "Assistive System", int promptTokens = 300, int outputTokens = 200,
        double latencySloMs = 20_000, params ModalityOffer[] modalities) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        RequestId = Guid.NewGuid(),
        DeviceId = "device-1",
        DialogueId = "dialogue-1",
        Turn = 0,
        TaskCategory = task,
        Modalities = modalities,
        PromptTokens = promptTokens,
        ExpectedOutputTokens = outputTokens,
        LatencySloMs = latencySloMs,
        RequestedAt = DateTimeOffset.UnixEpoch,
    };

    public static HeartbeatReported Heartbeat(string deviceClass = "jetson-orin-nx", NetworkType network = NetworkType.WiFi,
        double uplinkMbps = 100, double downlinkMbps = 300, double rttMs = 15, double freeMemoryMb = 4_000,
        double? alpha = null, double energyBudgetJoules = double.PositiveInfinity) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        HeartbeatId = Guid.NewGuid(),
        DeviceId = "device-1",
        DeviceClass = deviceClass,
        SentAt = DateTimeOffset.UnixEpoch,
        BatteryPercent = 80,
        EnergyBudgetRemainingJoules = energyBudgetJoules,
        FreeMemoryMb = freeMemoryMb,
        CpuLoad = 0.1,
        GpuLoad = 0.1,
        TemperatureCelsius = 40,
        Network = network,
        UplinkMbps = uplinkMbps,
        DownlinkMbps = downlinkMbps,
        RttMs = rttMs,
        DraftAcceptanceEstimate = alpha,
    };

    public static PlacementContext Context(RequestPlacement request, HeartbeatReported? heartbeat, BudgetState? budgets = null) =>
        new(request, heartbeat, budgets ?? BudgetState.Unlimited);
}
