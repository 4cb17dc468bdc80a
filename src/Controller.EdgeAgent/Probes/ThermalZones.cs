namespace Controller.EdgeAgent.Probes;

/// <summary>
/// <c>/sys/class/thermal/thermal_zone*/temp</c>, millidegrees Celsius. The hottest plausible zone is the one that
/// throttles the device first, so that is the temperature reported.
/// </summary>
public static class ThermalZones
{
    /// <summary>Readings outside this range (°C) are sensor faults or disconnected probes (some report −273 or 127).</summary>
    private const double Coldest = -40, Hottest = 125;

    public static double? Read(SysFsReader fs)
    {
        double? hottest = null;
        foreach (var zone in fs.Entries("sys/class/thermal", "thermal_zone*"))
        {
            if (fs.ReadLong($"sys/class/thermal/{zone}/temp") is not { } milli)
            {
                continue;
            }

            var celsius = milli / 1000.0;
            if (celsius is >= Coldest and < Hottest && (hottest is null || celsius > hottest))
            {
                hottest = celsius;
            }
        }

        return hottest;
    }
}
