using Controller.Contracts;

namespace Controller.Benchmarks.Decisions;

/// <summary>Inputs for decision benchmarks: realistic devices and requests, generated from a seed.</summary>
internal static class Workload
{
    private static readonly NetworkType[] Networks = [NetworkType.WiFi, NetworkType.FiveG, NetworkType.Lte, NetworkType.Wired, NetworkType.PoorCell];
    private static readonly string[] Devices = ["jetson-tx2", "iphone-15-pro", "jetson-orin-nx", "raspberry-pi-5"];

    public static HeartbeatReported Heartbeat(string deviceId, Random random) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        HeartbeatId = Guid.NewGuid(),
        DeviceId = deviceId,
        DeviceClass = Devices[random.Next(Devices.Length)],
        SentAt = DateTimeOffset.UtcNow,
        BatteryPercent = 20 + (80 * random.NextDouble()),
        EnergyBudgetRemainingJoules = 1_500 * random.NextDouble(),
        FreeMemoryMb = 1_000 + (6_000 * random.NextDouble()),
        CpuLoad = random.NextDouble(),
        GpuLoad = random.NextDouble(),
        TemperatureCelsius = 40 + (30 * random.NextDouble()),
        Network = Networks[random.Next(Networks.Length)],
        UplinkMbps = 1 + (50 * random.NextDouble()),
        DownlinkMbps = 10 + (200 * random.NextDouble()),
        RttMs = 10 + (150 * random.NextDouble()),
        DraftAcceptanceEstimate = 0.5 + (0.4 * random.NextDouble()),
    };

    public static RequestPlacement Request(string deviceId, int i) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        RequestId = Guid.NewGuid(),
        DeviceId = deviceId,
        DialogueId = $"{deviceId}-d{i / 4}",
        Turn = i % 4,
        TaskCategory = "Query",
        Modalities =
        [
            new ModalityOffer { Id = "cam-first-person", Kind = ModalityKind.Image, SizeBytes = 250_000, RelevanceScore = 0.25 },
            new ModalityOffer { Id = "cam-side", Kind = ModalityKind.Image, SizeBytes = 240_000, RelevanceScore = 0.16 },
            new ModalityOffer { Id = "cam-overhead", Kind = ModalityKind.Image, SizeBytes = 260_000, RelevanceScore = 0.2 },
        ],
        PromptTokens = 150,
        ExpectedOutputTokens = 200,
        LatencySloMs = 20_000,
        RequestedAt = DateTimeOffset.UtcNow,
    };
}
