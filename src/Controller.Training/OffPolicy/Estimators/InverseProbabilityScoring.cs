namespace Controller.Training.OffPolicy.Estimators;

/// <summary>
/// IPS (Horvitz &amp; Thompson 1952; in bandits e.g. Li et al. 2011): V̂ = (1/n) Σ wᵢ yᵢ. Unbiased when every action the
/// target may take had a positive logging probability and the logged propensities are right; its variance grows with
/// the weights. Interval: CLT on the terms wᵢ yᵢ.
/// </summary>
public sealed class InverseProbabilityScoring : IOffPolicyEstimator
{
    public EstimatorKind Kind => EstimatorKind.Ips;

    public bool NeedsOutcomeModel => false;

    public PolicyValueEstimate Estimate(OutcomeSample sample)
    {
        var terms = new double[sample.Count];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = sample.Weights[i] * sample.Outcomes[i];
        }

        return NormalInterval.OfTerms(Kind, terms);
    }
}
