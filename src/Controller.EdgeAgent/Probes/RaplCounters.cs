namespace Controller.EdgeAgent.Probes;

/// <summary>
/// Intel/AMD RAPL energy counters under <c>/sys/class/powercap/intel-rapl:N</c> (one per package; the
/// <c>intel-rapl:N:M</c> subzones are parts of a package and would count twice). <c>energy_uj</c> is cumulative
/// microjoules and wraps at <c>max_energy_range_uj</c>.
/// </summary>
public static class RaplCounters
{
    /// <summary>Per package, its counter and wrap range, µJ; empty without RAPL or without permission to read it.</summary>
    public static IReadOnlyDictionary<string, (long EnergyUj, long? RangeUj)> Read(SysFsReader fs)
    {
        var counters = new Dictionary<string, (long, long?)>(StringComparer.Ordinal);
        foreach (var zone in fs.Entries("sys/class/powercap", "intel-rapl:*"))
        {
            if (zone.Count(c => c == ':') != 1)
            {
                continue;
            }

            if (fs.ReadLong($"sys/class/powercap/{zone}/energy_uj") is { } energy and >= 0)
            {
                var range = fs.ReadLong($"sys/class/powercap/{zone}/max_energy_range_uj") is { } r and > 0 ? r : (long?)null;
                counters[zone] = (energy, range);
            }
        }

        return counters;
    }

    /// <summary>
    /// Joules spent between two readings, summed over the packages present in both; a counter that went back wrapped
    /// once (its range added) or, without a known range, is left out. Null when no package is in both.
    /// </summary>
    public static double? JoulesBetween(
        IReadOnlyDictionary<string, (long EnergyUj, long? RangeUj)> earlier,
        IReadOnlyDictionary<string, (long EnergyUj, long? RangeUj)> later)
    {
        double? joules = null;
        foreach (var (zone, now) in later)
        {
            if (!earlier.TryGetValue(zone, out var before))
            {
                continue;
            }

            var delta = now.EnergyUj - before.EnergyUj;
            if (delta < 0)
            {
                if (now.RangeUj is not { } range || before.EnergyUj > range)
                {
                    continue;
                }

                delta += range;
            }

            joules = (joules ?? 0) + (delta / 1e6);
        }

        return joules;
    }
}
