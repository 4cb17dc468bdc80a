using System.Globalization;

namespace Controller.EdgeAgent.Probes;

/// <summary>
/// <c>/proc/meminfo</c>: total and available memory. MemAvailable is the kernel's own estimate (since 3.14); older
/// kernels lack it and MemFree + Buffers + Cached stands in, which is what the kernel's estimate refines.
/// </summary>
public static class MemoryInfo
{
    /// <returns>(free, total) in MiB; each null when absent or malformed.</returns>
    public static (double? FreeMb, double? TotalMb) Parse(string? meminfo)
    {
        if (meminfo is null)
        {
            return (null, null);
        }

        var kib = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in meminfo.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var parts = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 1 && (parts.Length == 1 || parts[1] == "kB")
                && double.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                kib.TryAdd(line[..colon], value);
            }
        }

        double? total = kib.TryGetValue("MemTotal", out var t) && t > 0 ? t / 1024 : null;
        double? free = kib.TryGetValue("MemAvailable", out var a) ? a / 1024
            : kib.TryGetValue("MemFree", out var f) ? (f + kib.GetValueOrDefault("Buffers") + kib.GetValueOrDefault("Cached")) / 1024
            : null;
        if (free is { } x && total is { } y && x > y)
        {
            // Available above total is a corrupt file, not a fact about the device.
            free = null;
        }

        return (free, total);
    }
}
