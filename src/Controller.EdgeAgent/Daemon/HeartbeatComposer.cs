using Controller.Contracts;
using Controller.EdgeAgent.Probes;
using Controller.Offloading.Devices;

namespace Controller.EdgeAgent.Daemon;

/// <summary>
/// Turns what the probes read into a <see cref="HeartbeatReported"/>. The contract has no "unknown" for most fields, so
/// an unknown value is sent as the one that constrains the controller least and is still true of the device class:
/// battery 100 % (no battery found: mains powered), free memory the class's inference memory, loads 0, temperature
/// 0 °C, link figures 0 until traffic measured them. The energy budget is the configured budget per window less the
/// RAPL joules counted in the current window (the full budget where RAPL is absent).
/// </summary>
public sealed class HeartbeatComposer(
    string deviceId,
    DeviceProfile profile,
    NetworkType network,
    IDeviceProbe device,
    INetworkProbe link,
    double energyBudgetJoulesPerWindow,
    TimeSpan energyWindow,
    TimeProvider clock)
{
    private DateTimeOffset _windowStart = clock.GetUtcNow();
    private double _spentJoules;

    /// <param name="disconnected">The outbox could not reach the controller on its last attempt.</param>
    public HeartbeatReported Compose(bool disconnected)
    {
        var now = clock.GetUtcNow();
        var snapshot = device.Read();
        if (now - _windowStart >= energyWindow)
        {
            _windowStart = now;
            _spentJoules = 0;
        }

        _spentJoules += snapshot.EnergyJoules ?? 0;
        var estimate = link.Current;
        return new HeartbeatReported
        {
            SchemaVersion = SchemaVersions.Current,
            HeartbeatId = Guid.NewGuid(),
            DeviceId = deviceId,
            DeviceClass = profile.Name,
            SentAt = now,
            BatteryPercent = snapshot.BatteryPercent ?? 100,
            EnergyBudgetRemainingJoules = Math.Max(0, energyBudgetJoulesPerWindow - _spentJoules),
            FreeMemoryMb = Math.Min(snapshot.FreeMemoryMb ?? profile.MemoryMb, profile.MemoryMb),
            CpuLoad = Math.Clamp(snapshot.CpuLoad ?? 0, 0, 1),
            GpuLoad = 0,
            TemperatureCelsius = Math.Clamp(snapshot.TemperatureCelsius ?? 0, -60, 150),
            Network = disconnected ? NetworkType.Disconnected : network,
            UplinkMbps = estimate.UplinkMbps ?? 0,
            DownlinkMbps = estimate.DownlinkMbps ?? 0,
            RttMs = estimate.RttMs ?? 0,
        };
    }
}
