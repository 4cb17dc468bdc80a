using Controller.EdgeAgent.Probes;

namespace Controller.EdgeAgent.Tests.Probes;

public sealed class LinuxDeviceProbeTests : IDisposable
{
    private readonly FakeRoot _root = new();

    public void Dispose() => _root.Dispose();

    private static string Stat(ulong user, ulong system, ulong idle, ulong iowait) =>
        $"cpu  {user} 0 {system} {idle} {iowait} 0 0 0 0 0\ncpu0 {user} 0 {system} {idle} {iowait} 0 0 0 0 0\nintr 1 2 3\n";

    [Fact]
    public void Read_WellFormedTree_ReportsEveryField()
    {
        _root.Write("proc/stat", Stat(100, 50, 800, 50))
            .Write("proc/meminfo", "MemTotal:       8000000 kB\nMemFree:  1000 kB\nMemAvailable:   2048000 kB\n")
            .Write("sys/class/thermal/thermal_zone0/temp", "45000\n")
            .Write("sys/class/thermal/thermal_zone1/temp", "61500\n")
            .Write("sys/class/power_supply/BAT0/type", "Battery\n")
            .Write("sys/class/power_supply/BAT0/capacity", "73\n")
            .Write("sys/class/power_supply/BAT0/status", "Discharging\n")
            .Write("sys/class/power_supply/AC/type", "Mains\n")
            .Write("sys/class/power_supply/AC/online", "0\n")
            .Write("sys/class/powercap/intel-rapl:0/energy_uj", "1000000\n")
            .Write("sys/class/powercap/intel-rapl:0/max_energy_range_uj", "262143328850\n");
        var clock = new ManualTimeProvider();
        var probe = new LinuxDeviceProbe(_root.Path, clock);

        // 200 more ticks, 50 of them busy (30 user + 20 system); 3.5 J in 2 s.
        _root.Write("proc/stat", Stat(130, 70, 950, 50))
            .Write("sys/class/powercap/intel-rapl:0/energy_uj", "4500000\n");
        clock.Advance(TimeSpan.FromSeconds(2));
        var snapshot = probe.Read();

        Assert.Equal(0.25, snapshot.CpuLoad!.Value, 9);
        Assert.Equal(2000, snapshot.FreeMemoryMb!.Value, 9);
        Assert.Equal(8000000 / 1024.0, snapshot.TotalMemoryMb!.Value, 9);
        Assert.Equal(61.5, snapshot.TemperatureCelsius!.Value, 9);
        Assert.Equal(73, snapshot.BatteryPercent!.Value, 9);
        Assert.False(snapshot.OnExternalPower);
        Assert.Equal(3.5, snapshot.EnergyJoules!.Value, 9);
        Assert.Equal(1.75, snapshot.PowerWatts!.Value, 9);
    }

    [Fact]
    public void Read_EmptyRoot_EverythingUnknown()
    {
        var snapshot = new LinuxDeviceProbe(_root.Path).Read();

        Assert.Equal(DeviceSnapshot.Unknown, snapshot);
    }

    [Fact]
    public void Read_RootThatDoesNotExist_EverythingUnknown()
    {
        var snapshot = new LinuxDeviceProbe(Path.Combine(_root.Path, "no", "such", "dir")).Read();

        Assert.Equal(DeviceSnapshot.Unknown, snapshot);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("cpu  1 2\n")]
    [InlineData("cpu  10 x 30 40 0 0 0 0\n")]
    [InlineData("cpu  -10 0 30 40 0 0 0 0\n")]
    [InlineData("cpu0 1 2 3 4 5 6 7 8\n")]
    [InlineData("cpu  99999999999999999999999 0 1 1\n")]
    public void Read_MalformedProcStat_CpuLoadUnknownOthersKept(string stat)
    {
        _root.Write("proc/stat", stat).Write("proc/meminfo", "MemTotal: 1024 kB\nMemAvailable: 512 kB\n");
        var probe = new LinuxDeviceProbe(_root.Path);
        _root.Write("proc/stat", stat);

        var snapshot = probe.Read();

        Assert.Null(snapshot.CpuLoad);
        Assert.Equal(0.5, snapshot.FreeMemoryMb!.Value, 9);
    }

    [Fact]
    public void Read_CountersGoBack_CpuLoadUnknownThenRecoversFromTheNewSample()
    {
        _root.Write("proc/stat", Stat(1000, 1000, 1000, 0));
        var probe = new LinuxDeviceProbe(_root.Path);
        _root.Write("proc/stat", Stat(10, 10, 10, 0));
        Assert.Null(probe.Read().CpuLoad);

        _root.Write("proc/stat", Stat(20, 10, 20, 0));
        Assert.Equal(0.5, probe.Read().CpuLoad!.Value, 9);
    }

    [Fact]
    public void Read_NoTickBetweenReads_CpuLoadUnknown()
    {
        _root.Write("proc/stat", Stat(1, 1, 1, 1));
        var probe = new LinuxDeviceProbe(_root.Path);

        Assert.Null(probe.Read().CpuLoad);
    }

    [Fact]
    public void Read_MalformedReadBetweenGoodOnes_LaterLoadMeasuredFromLastGoodSample()
    {
        _root.Write("proc/stat", Stat(0, 0, 100, 0));
        var probe = new LinuxDeviceProbe(_root.Path);
        _root.Write("proc/stat", "cpu  truncated");
        Assert.Null(probe.Read().CpuLoad);

        _root.Write("proc/stat", Stat(100, 0, 200, 0));
        Assert.Equal(0.5, probe.Read().CpuLoad!.Value, 9);
    }

    [Theory]
    [InlineData("MemTotal: lots kB\nMemAvailable: some kB\n", null, null)]
    [InlineData("MemTotal: 2048 kB\n", null, 2.0)]
    [InlineData("MemTotal: 2048 kB\nMemFree: 512 kB\nBuffers: 256 kB\nCached: 256 kB\n", 1.0, 2.0)]
    [InlineData("MemTotal: 1024 kB\nMemAvailable: 4096 kB\n", null, 1.0)]
    [InlineData("MemTotal: 0 kB\nMemAvailable: 0 kB\n", 0.0, null)]
    [InlineData("MemAvailable: 1024 MB\nMemTotal 2048 kB\n", null, null)]
    [InlineData("\0\0\0\u00ff", null, null)]
    public void Read_MalformedMeminfo_UnparsableFieldsUnknown(string meminfo, double? free, double? total)
    {
        _root.Write("proc/meminfo", meminfo);

        var snapshot = new LinuxDeviceProbe(_root.Path).Read();

        Assert.Equal(free, snapshot.FreeMemoryMb);
        Assert.Equal(total, snapshot.TotalMemoryMb);
    }

    [Fact]
    public void Read_FaultyThermalZones_SkippedHottestPlausibleKept()
    {
        _root.Write("sys/class/thermal/thermal_zone0/temp", "-273000\n")
            .Write("sys/class/thermal/thermal_zone1/temp", "hot\n")
            .Write("sys/class/thermal/thermal_zone2/temp", "127000\n")
            .Write("sys/class/thermal/thermal_zone3/temp", "38250\n")
            .Write("sys/class/thermal/thermal_zone4/trip_point_0_temp", "90000\n")
            .Write("sys/class/thermal/cooling_device0/temp", "99000\n");

        Assert.Equal(38.25, new LinuxDeviceProbe(_root.Path).Read().TemperatureCelsius!.Value, 9);
    }

    [Fact]
    public void Read_ThermalZoneWithoutTempFile_TemperatureUnknown()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "sys/class/thermal/thermal_zone0"));

        Assert.Null(new LinuxDeviceProbe(_root.Path).Read().TemperatureCelsius);
    }

    [Fact]
    public void Read_BatteriesMalformedAndValid_MeanOfValidAndChargingMeansExternalPower()
    {
        _root.Write("sys/class/power_supply/BAT0/type", "Battery\n")
            .Write("sys/class/power_supply/BAT0/capacity", "80\n")
            .Write("sys/class/power_supply/BAT0/status", "Charging\n")
            .Write("sys/class/power_supply/BAT1/type", "Battery\n")
            .Write("sys/class/power_supply/BAT1/capacity", "40\n")
            .Write("sys/class/power_supply/BAT2/type", "Battery\n")
            .Write("sys/class/power_supply/BAT2/capacity", "250\n")
            .Write("sys/class/power_supply/BAT3/type", "Battery\n")
            .Write("sys/class/power_supply/BAT3/capacity", "half\n")
            .Write("sys/class/power_supply/weird/type", "Flux capacitor\n")
            .Write("sys/class/power_supply/weird/capacity", "5\n");

        var snapshot = new LinuxDeviceProbe(_root.Path).Read();

        Assert.Equal(60, snapshot.BatteryPercent!.Value, 9);
        Assert.True(snapshot.OnExternalPower);
    }

    [Fact]
    public void Read_MainsOnlineWithoutBattery_BatteryUnknownExternalPower()
    {
        _root.Write("sys/class/power_supply/AC/type", "Mains\n").Write("sys/class/power_supply/AC/online", "1\n")
            .Write("sys/class/power_supply/USB/type", "USB\n").Write("sys/class/power_supply/USB/online", "7\n");

        var snapshot = new LinuxDeviceProbe(_root.Path).Read();

        Assert.Null(snapshot.BatteryPercent);
        Assert.True(snapshot.OnExternalPower);
    }

    [Fact]
    public void Read_RaplCounterWraps_EnergyAddsTheRange()
    {
        _root.Write("sys/class/powercap/intel-rapl:0/energy_uj", "9000000\n")
            .Write("sys/class/powercap/intel-rapl:0/max_energy_range_uj", "10000000\n")
            .Write("sys/class/powercap/intel-rapl:0:0/energy_uj", "5\n");
        var clock = new ManualTimeProvider();
        var probe = new LinuxDeviceProbe(_root.Path, clock);
        _root.Write("sys/class/powercap/intel-rapl:0/energy_uj", "1000000\n")
            .Write("sys/class/powercap/intel-rapl:0:0/energy_uj", "999999999\n");
        clock.Advance(TimeSpan.FromSeconds(1));

        var snapshot = probe.Read();

        Assert.Equal(2.0, snapshot.EnergyJoules!.Value, 9);
        Assert.Equal(2.0, snapshot.PowerWatts!.Value, 9);
    }

    [Fact]
    public void Read_RaplCounterGoesBackWithoutRange_EnergyUnknown()
    {
        _root.Write("sys/class/powercap/intel-rapl:0/energy_uj", "9000000\n");
        var probe = new LinuxDeviceProbe(_root.Path);
        _root.Write("sys/class/powercap/intel-rapl:0/energy_uj", "10\n");

        Assert.Null(probe.Read().EnergyJoules);
    }

    [Fact]
    public void Read_RaplUnreadableOrGarbage_EnergyUnknown()
    {
        _root.Write("sys/class/powercap/intel-rapl:0/energy_uj", "n/a\n")
            .Write("sys/class/powercap/intel-rapl:1/max_energy_range_uj", "100\n");
        var probe = new LinuxDeviceProbe(_root.Path);

        var snapshot = probe.Read();

        Assert.Null(snapshot.EnergyJoules);
        Assert.Null(snapshot.PowerWatts);
    }

    [Fact]
    public void Read_HugeFile_ReadsOnlyItsHeadAndDoesNotThrow()
    {
        var huge = new byte[5 * 1024 * 1024];
        Array.Fill(huge, (byte)'9');
        _root.WriteBytes("proc/meminfo", huge).WriteBytes("sys/class/thermal/thermal_zone0/temp", huge);

        var snapshot = new LinuxDeviceProbe(_root.Path).Read();

        Assert.Null(snapshot.FreeMemoryMb);
        Assert.Null(snapshot.TemperatureCelsius);
    }

    [Fact]
    public void Read_DirectoryWhereAFileIsExpected_Unknown()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "proc", "meminfo"));
        Directory.CreateDirectory(Path.Combine(_root.Path, "proc", "stat"));

        var snapshot = new LinuxDeviceProbe(_root.Path).Read();

        Assert.Null(snapshot.FreeMemoryMb);
        Assert.Null(snapshot.CpuLoad);
    }

    [Fact]
    public void Read_ThisMachine_NeverThrowsAndReportsPlausibleValues()
    {
        var probe = new LinuxDeviceProbe();
        Thread.Sleep(50);

        var snapshot = probe.Read();

        if (OperatingSystem.IsLinux())
        {
            Assert.InRange(snapshot.TotalMemoryMb!.Value, 1, double.MaxValue);
            Assert.InRange(snapshot.FreeMemoryMb!.Value, 0, snapshot.TotalMemoryMb!.Value);
        }

        Assert.True(snapshot.CpuLoad is null or >= 0 and <= 1);
    }
}
