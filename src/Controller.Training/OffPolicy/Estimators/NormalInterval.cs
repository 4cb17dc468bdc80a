namespace Controller.Training.OffPolicy.Estimators;

/// <summary>
/// The 95 % interval of a mean of independent per-record terms by the central limit theorem: mean ± z·s/√n with s the
/// sample standard deviation (n − 1). Valid when n is large relative to how heavy the terms' tail is — which the
/// importance weights decide; see <see cref="WeightDiagnostics.EffectiveSampleSize"/>.
/// </summary>
public static class NormalInterval
{
    /// <summary>Φ⁻¹(0.975), the two-sided 95 % normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    public const string CentralLimitMethod = "CLT on the per-record terms: mean ± 1.96·sd/√n";

    public static PolicyValueEstimate OfTerms(EstimatorKind kind, ReadOnlySpan<double> terms, string method = CentralLimitMethod)
    {
        var n = terms.Length;
        var mean = 0.0;
        foreach (var t in terms)
        {
            mean += t;
        }

        mean /= n;
        var squares = 0.0;
        foreach (var t in terms)
        {
            squares += (t - mean) * (t - mean);
        }

        var standardError = Math.Sqrt(squares / (n - 1) / n);
        return Around(kind, mean, standardError, method);
    }

    public static PolicyValueEstimate Around(EstimatorKind kind, double value, double standardError, string method) =>
        new(kind, value, standardError, value - (Z95 * standardError), value + (Z95 * standardError), method);
}
