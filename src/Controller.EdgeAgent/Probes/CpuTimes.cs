using System.Globalization;

namespace Controller.EdgeAgent.Probes;

/// <summary>
/// The aggregate <c>cpu</c> line of <c>/proc/stat</c>: clock ticks spent busy and idle since boot. Load is the busy
/// share of the ticks between two samples (proc(5)); idle includes iowait, which is waiting, not working.
/// </summary>
public readonly record struct CpuTimes(ulong Busy, ulong Idle)
{
    public ulong Total => Busy + Idle;

    /// <summary>Parses the first line starting with <c>cpu </c>; null when it is missing or has fewer than four counters.</summary>
    public static CpuTimes? Parse(string? procStat)
    {
        if (procStat is null)
        {
            return null;
        }

        foreach (var line in procStat.Split('\n'))
        {
            if (!line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                continue;
            }

            // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is already counted in
            // user and nice, so only the first eight are summed.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).ToArray();
            if (fields.Length < 4)
            {
                return null;
            }

            var counters = new ulong[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                if (!ulong.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out counters[i]))
                {
                    return null;
                }
            }

            var idle = counters[3] + (counters.Length > 4 ? counters[4] : 0);
            var total = counters.Aggregate(0UL, (sum, c) => unchecked(sum + c));
            return new CpuTimes(total - idle, idle);
        }

        return null;
    }

    /// <summary>Busy fraction between <paramref name="earlier"/> and this sample; null when no tick passed or the counters went back (a reboot, a corrupt file).</summary>
    public double? LoadSince(CpuTimes earlier)
    {
        if (Total <= earlier.Total || Busy < earlier.Busy || Idle < earlier.Idle)
        {
            return null;
        }

        return (double)(Busy - earlier.Busy) / (Total - earlier.Total);
    }
}
