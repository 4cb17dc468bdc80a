using Controller.Contracts;
using Controller.EdgeAgent.Probes;
using Controller.EdgeAgent.Simulation;
using Controller.Offloading.Devices;

namespace Controller.EdgeAgent.Tests.Probes;

public sealed class SimulatedDeviceProbeTests
{
    private static SimulatedDeviceProbe Probe(DeviceProfile profile, out SimulatedDevice device)
    {
        device = new SimulatedDevice("sim-probe", profile, NetworkType.WiFi, 1_500, TimeSpan.FromMinutes(10), new Random(3));
        return new SimulatedDeviceProbe(device, TimeProvider.System, new Random(4));
    }

    [Fact]
    public void Read_BatteryPhone_ReportsChargeAndTheProfilesMemory()
    {
        var snapshot = Probe(DeviceProfiles.IPhone15Pro, out var device).Read();

        Assert.InRange(snapshot.BatteryPercent!.Value, 0, 100);
        Assert.Null(snapshot.OnExternalPower);
        Assert.Equal(device.FreeMemoryMb, snapshot.FreeMemoryMb);
        Assert.Equal(DeviceProfiles.IPhone15Pro.MemoryMb, snapshot.TotalMemoryMb);
        Assert.InRange(snapshot.CpuLoad!.Value, 0, 1);
    }

    [Fact]
    public void Read_MainsPoweredJetson_BatteryUnknownOnExternalPower()
    {
        var snapshot = Probe(DeviceProfiles.JetsonTx2, out _).Read();

        Assert.Null(snapshot.BatteryPercent);
        Assert.True(snapshot.OnExternalPower);
    }

    [Fact]
    public void Current_LinkUp_IsTheDevicesChannel()
    {
        var probe = Probe(DeviceProfiles.JetsonTx2, out var device);

        var estimate = probe.Current;

        Assert.Equal(device.Channel.IsUp ? device.Channel.RttMs : null, estimate.RttMs);
        Assert.Equal(device.Channel.IsUp ? device.Channel.UplinkMbps : null, estimate.UplinkMbps);
    }
}
