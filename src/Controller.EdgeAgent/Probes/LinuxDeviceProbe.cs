using System.Diagnostics;

namespace Controller.EdgeAgent.Probes;

/// <summary>
/// Device state from Linux's <c>/proc</c> and <c>/sys</c> under a root directory (<c>/</c> on a device; a
/// fake tree in tests). CPU load and RAPL energy are deltas between reads, so the probe keeps the previous sample;
/// the first read compares against the sample taken at construction. Thread-safe.
/// </summary>
public sealed class LinuxDeviceProbe : IDeviceProbe
{
    private readonly SysFsReader _fs;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private CpuTimes? _cpu;
    private IReadOnlyDictionary<string, (long EnergyUj, long? RangeUj)> _rapl;
    private long _raplAt;

    public LinuxDeviceProbe(string root = "/", TimeProvider? clock = null)
    {
        _fs = new SysFsReader(root);
        _clock = clock ?? TimeProvider.System;
        _cpu = CpuTimes.Parse(_fs.ReadText("proc/stat"));
        _rapl = RaplCounters.Read(_fs);
        _raplAt = _clock.GetTimestamp();
    }

    public DeviceSnapshot Read()
    {
        var cpu = CpuTimes.Parse(_fs.ReadText("proc/stat"));
        var (free, total) = MemoryInfo.Parse(_fs.ReadText("proc/meminfo"));
        var temperature = ThermalZones.Read(_fs);
        var (battery, external) = PowerSupplies.Read(_fs);
        var rapl = RaplCounters.Read(_fs);
        var now = _clock.GetTimestamp();

        lock (_gate)
        {
            var load = cpu is { } c && _cpu is { } previous ? c.LoadSince(previous) : null;
            var joules = RaplCounters.JoulesBetween(_rapl, rapl);
            var seconds = _clock.GetElapsedTime(_raplAt, now).TotalSeconds;
            // A malformed read leaves the last good sample in place, so one bad read costs one value, not two.
            _cpu = cpu ?? _cpu;
            if (rapl.Count > 0)
            {
                _rapl = rapl;
                _raplAt = now;
            }

            Debug.Assert(load is null or >= 0 and <= 1);
            return new DeviceSnapshot(load, free, total, temperature, battery, external, joules, joules is { } j && seconds > 0 ? j / seconds : null);
        }
    }
}
