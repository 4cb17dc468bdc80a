using Controller.Contracts;
using Controller.EdgeAgent.Daemon;
using Controller.EdgeAgent.Probes;
using Controller.Offloading.Devices;

namespace Controller.EdgeAgent.Tests.Probes;

public sealed class HeartbeatComposerTests : IDisposable
{
    private readonly FakeRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Compose_NothingKnown_LeastConstrainingValuesOfTheDeviceClass()
    {
        var composer = new HeartbeatComposer("d", DeviceProfiles.JetsonTx2, NetworkType.WiFi, new LinuxDeviceProbe(_root.Path), new NetworkEstimator(), 1_500, TimeSpan.FromMinutes(10), TimeProvider.System);

        var heartbeat = composer.Compose(disconnected: false);

        Assert.Equal(100, heartbeat.BatteryPercent);
        Assert.Equal(DeviceProfiles.JetsonTx2.MemoryMb, heartbeat.FreeMemoryMb);
        Assert.Equal(0, heartbeat.CpuLoad);
        Assert.Equal(1_500, heartbeat.EnergyBudgetRemainingJoules);
        Assert.Equal(NetworkType.WiFi, heartbeat.Network);
        Assert.Equal("jetson-tx2", heartbeat.DeviceClass);
    }

    [Fact]
    public void Compose_RaplCountsEnergy_BudgetShrinksWithinTheWindowAndResetsAfterIt()
    {
        _root.Write("sys/class/powercap/intel-rapl:0/energy_uj", "0\n").Write("sys/class/powercap/intel-rapl:0/max_energy_range_uj", "1000000000\n");
        var clock = new ManualTimeProvider();
        var composer = new HeartbeatComposer("d", DeviceProfiles.JetsonTx2, NetworkType.Lte, new LinuxDeviceProbe(_root.Path, clock), new NetworkEstimator(), 100, TimeSpan.FromMinutes(1), clock);
        _root.Write("sys/class/powercap/intel-rapl:0/energy_uj", "30000000\n");
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(70, composer.Compose(false).EnergyBudgetRemainingJoules, 9);

        _root.Write("sys/class/powercap/intel-rapl:0/energy_uj", "130000000\n");
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, composer.Compose(false).EnergyBudgetRemainingJoules);

        clock.Advance(TimeSpan.FromMinutes(1));
        _root.Write("sys/class/powercap/intel-rapl:0/energy_uj", "135000000\n");
        Assert.Equal(95, composer.Compose(false).EnergyBudgetRemainingJoules, 9);
    }

    [Fact]
    public void Compose_OutboxDisconnected_ReportsDisconnected()
    {
        var composer = new HeartbeatComposer("d", DeviceProfiles.JetsonTx2, NetworkType.FiveG, new LinuxDeviceProbe(_root.Path), new NetworkEstimator(), 1, TimeSpan.FromMinutes(1), TimeProvider.System);

        Assert.Equal(NetworkType.Disconnected, composer.Compose(disconnected: true).Network);
    }
}
