namespace Controller.Training.OffPolicy.Estimators;

/// <summary>
/// Self-normalised IPS (Swaminathan &amp; Joachims, NeurIPS 2015): V̂ = Σ wᵢ yᵢ / Σ wᵢ. Biased by O(1/n) but scale-free
/// (adding a constant to every yᵢ adds it to V̂) and usually of lower variance than IPS. Interval by the delta method
/// for a ratio of means: se² = Σ wᵢ² (yᵢ − V̂)² / (Σ wᵢ)² · n / (n − 1).
/// </summary>
public sealed class SelfNormalizedIps : IOffPolicyEstimator
{
    public const string DeltaMethod = "delta method for the ratio Σwy/Σw: se = √(Σw²(y−V̂)²·n/(n−1)) / Σw, ± 1.96·se";

    public EstimatorKind Kind => EstimatorKind.SelfNormalizedIps;

    public bool NeedsOutcomeModel => false;

    public PolicyValueEstimate Estimate(OutcomeSample sample)
    {
        var n = sample.Count;
        double weightSum = 0, weighted = 0;
        for (var i = 0; i < n; i++)
        {
            weightSum += sample.Weights[i];
            weighted += sample.Weights[i] * sample.Outcomes[i];
        }

        var value = weighted / weightSum;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var u = sample.Weights[i] * (sample.Outcomes[i] - value);
            squares += u * u;
        }

        // Linearising V̂ around its limit gives the per-record influence wᵢ(yᵢ − V)/E[w]; the n/(n − 1) factor is the
        // same small-sample correction the CLT intervals use.
        var standardError = Math.Sqrt(squares * n / (n - 1)) / weightSum;
        return NormalInterval.Around(Kind, value, standardError, DeltaMethod);
    }
}
