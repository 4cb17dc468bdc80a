using Controller.Contracts;

namespace Controller.Service.Validation;

public static class HeartbeatValidator
{
    public static IReadOnlyList<ValidationError> Validate(HeartbeatReported m, DateTimeOffset now)
    {
        var v = new ValidationCollector();
        v.SchemaVersion(m.SchemaVersion);
        v.NotEmpty("heartbeatId", m.HeartbeatId);
        v.Text("deviceId", m.DeviceId, Limits.IdLength);
        v.Text("deviceClass", m.DeviceClass, Limits.NameLength);
        v.Timestamp("sentAt", m.SentAt, now);
        v.Range("batteryPercent", m.BatteryPercent, 0, 100);
        v.Range("energyBudgetRemainingJoules", m.EnergyBudgetRemainingJoules, 0, Limits.MaxEnergyJoules);
        v.Range("freeMemoryMb", m.FreeMemoryMb, 0, Limits.MaxMemoryMb);
        v.Range("cpuLoad", m.CpuLoad, 0, 1);
        v.Range("gpuLoad", m.GpuLoad, 0, 1);
        v.Range("temperatureCelsius", m.TemperatureCelsius, -60, 150);
        v.Defined("network", m.Network);
        v.Range("uplinkMbps", m.UplinkMbps, 0, Limits.MaxLinkMbps);
        v.Range("downlinkMbps", m.DownlinkMbps, 0, Limits.MaxLinkMbps);
        v.Range("rttMs", m.RttMs, 0, Limits.MaxRttMs);
        v.OptionalRange("draftAcceptanceEstimate", m.DraftAcceptanceEstimate, 0, 1);
        return v.Errors;
    }
}
