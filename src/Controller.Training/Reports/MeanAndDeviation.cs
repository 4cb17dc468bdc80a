namespace Controller.Training.Reports;

/// <summary>Mean and sample standard deviation of a metric over seeds.</summary>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1); 0 for a single seed.</param>
public readonly record struct MeanAndDeviation(double Mean, double StandardDeviation)
{
    public static MeanAndDeviation Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no values to summarise", nameof(values));
        }

        var mean = values.Average();
        var variance = values.Count < 2 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new MeanAndDeviation(mean, Math.Sqrt(variance));
    }
}
