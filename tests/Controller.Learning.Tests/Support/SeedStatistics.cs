namespace Controller.Learning.Tests.Support;

/// <summary>Summaries of one figure measured on several seeds, for known-answer bars and their messages.</summary>
internal static class SeedStatistics
{
    /// <summary>Sample standard deviation (n − 1), as in the "mean ± sd over seeds" the docs report.</summary>
    public static double Sd(IReadOnlyCollection<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary><c>mean ± sd (v1, v2, …)</c> with three decimals.</summary>
    public static string Describe(IReadOnlyCollection<double> values) =>
        $"{values.Average():F3} ± {Sd(values):F3} ({string.Join(", ", values.Select(v => v.ToString("F3")))})";
}
