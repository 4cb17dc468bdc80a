using System.Globalization;

namespace Controller.Learning.Metrics;

/// <summary>A count with its noun in the right number ("1 seed", "20 seeds") for reports, tables and progress lines.</summary>
public static class Plural
{
    /// <param name="plural">The plural form when it is not <paramref name="singular"/> + "s".</param>
    public static string Of(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
