using Controller.Contracts;
using Controller.Persistence;

namespace Controller.Service.Ingestion;

internal static class HeartbeatMapping
{
    public static HeartbeatEntity ToEntity(HeartbeatReported m, DateTimeOffset receivedAt) => new()
    {
        HeartbeatId = m.HeartbeatId,
        DeviceId = m.DeviceId,
        DeviceClass = m.DeviceClass,
        SentAt = m.SentAt,
        ReceivedAt = receivedAt,
        BatteryPercent = m.BatteryPercent,
        EnergyBudgetRemainingJoules = m.EnergyBudgetRemainingJoules,
        FreeMemoryMb = m.FreeMemoryMb,
        CpuLoad = m.CpuLoad,
        GpuLoad = m.GpuLoad,
        TemperatureCelsius = m.TemperatureCelsius,
        Network = m.Network.ToString(),
        UplinkMbps = m.UplinkMbps,
        DownlinkMbps = m.DownlinkMbps,
        RttMs = m.RttMs,
        DraftAcceptanceEstimate = m.DraftAcceptanceEstimate,
    };

    public static HeartbeatReported ToContract(HeartbeatEntity e) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        HeartbeatId = e.HeartbeatId,
        DeviceId = e.DeviceId,
        DeviceClass = e.DeviceClass,
        SentAt = e.SentAt,
        BatteryPercent = e.BatteryPercent,
        EnergyBudgetRemainingJoules = e.EnergyBudgetRemainingJoules,
        FreeMemoryMb = e.FreeMemoryMb,
        CpuLoad = e.CpuLoad,
        GpuLoad = e.GpuLoad,
        TemperatureCelsius = e.TemperatureCelsius,
        Network = Enum.Parse<NetworkType>(e.Network),
        UplinkMbps = e.UplinkMbps,
        DownlinkMbps = e.DownlinkMbps,
        RttMs = e.RttMs,
        DraftAcceptanceEstimate = e.DraftAcceptanceEstimate,
    };
}
