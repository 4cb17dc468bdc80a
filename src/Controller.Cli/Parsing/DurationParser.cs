using System.Globalization;
using System.Text.RegularExpressions;

namespace Controller.Cli.Parsing;

/// <summary>Parses human durations such as <c>500ms</c>, <c>20s</c>, <c>2m</c>, <c>1h</c>, or a <see cref="TimeSpan"/> (<c>00:00:30</c>).</summary>
internal static partial class DurationParser
{
    public static bool TryParse(string text, out TimeSpan duration, out string? error)
    {
        duration = default;
        error = null;
        var match = Pattern().Match(text.Trim());
        if (match.Success)
        {
            var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            duration = match.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" or "" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration))
        {
            error = $"'{text}' is not a duration; use e.g. 500ms, 20s, 2m, 1h or 00:00:30";
            return false;
        }

        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(7))
        {
            error = $"duration '{text}' must be positive and at most 7 days";
            return false;
        }

        return true;
    }

    /// <summary>The shortest text <see cref="TryParse"/> reads as <paramref name="duration"/>: <c>1h</c>, <c>2m</c>, <c>30s</c>, <c>20ms</c>, <c>1.5s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0";
        }

        var ticks = duration.Ticks;
        return ticks % TimeSpan.TicksPerHour == 0 ? Invariant($"{ticks / TimeSpan.TicksPerHour}h")
            : ticks % TimeSpan.TicksPerMinute == 0 ? Invariant($"{ticks / TimeSpan.TicksPerMinute}m")
            : ticks % TimeSpan.TicksPerSecond == 0 ? Invariant($"{ticks / TimeSpan.TicksPerSecond}s")
            : ticks % TimeSpan.TicksPerMillisecond == 0 ? Invariant($"{ticks / TimeSpan.TicksPerMillisecond}ms")
            : Invariant($"{duration.TotalSeconds:0.#######}s");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?)(?<unit>ms|s|m|h|)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
