using Controller.Contracts;
using Controller.EdgeAgent.Simulation;

namespace Controller.EdgeAgent.Probes;

/// <summary>
/// A <see cref="SimulatedDevice"/> behind the probe interfaces, so code written against <see cref="IDeviceProbe"/> and
/// <see cref="INetworkProbe"/> runs on the fleet simulator's world model. It reads the state the device's own heartbeat
/// reports (the one place that state is exposed), and its link from the device's current channel.
/// </summary>
public sealed class SimulatedDeviceProbe(SimulatedDevice device, TimeProvider clock, Random random) : IDeviceProbe, INetworkProbe
{
    public DeviceSnapshot Read()
    {
        var heartbeat = device.Heartbeat(clock.GetUtcNow(), random);
        return new DeviceSnapshot(
            heartbeat.CpuLoad,
            heartbeat.FreeMemoryMb,
            device.Profile.MemoryMb,
            heartbeat.TemperatureCelsius,
            device.Profile.BatteryWattHours is null ? null : heartbeat.BatteryPercent,
            device.Profile.BatteryWattHours is null ? true : null,
            EnergyJoules: null,
            PowerWatts: null);
    }

    public NetworkEstimate Current
    {
        get
        {
            var channel = device.Channel;
            return channel.IsUp
                ? new NetworkEstimate(channel.RttMs, null, channel.UplinkMbps, channel.DownlinkMbps, 0)
                : new NetworkEstimate(null, null, null, null, 0);
        }
    }

    /// <summary>The network type the simulated device is on now (<see cref="NetworkType.Disconnected"/> while its link is down).</summary>
    public NetworkType Network => device.Channel.IsUp ? device.Network : NetworkType.Disconnected;
}
