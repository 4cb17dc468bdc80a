namespace Controller.Training.OffPolicy.Estimators;

/// <summary>
/// Doubly robust (Dudík, Langford &amp; Li, ICML 2011): V̂ = (1/n) Σ [ Σₐ π(a|xᵢ) q̂(xᵢ,a) + wᵢ (yᵢ − q̂(xᵢ,aᵢ)) ]. The
/// outcome model's prediction for the target, corrected by the importance-weighted residual of the logged action: it
/// is unbiased when the propensities are right whatever the model's error (as long as the model did not see record i:
/// cross-fitting), and its variance shrinks as the model improves. Interval: CLT on the per-record terms.
/// </summary>
public sealed class DoublyRobust : IOffPolicyEstimator
{
    public EstimatorKind Kind => EstimatorKind.DoublyRobust;

    public bool NeedsOutcomeModel => true;

    public PolicyValueEstimate Estimate(OutcomeSample sample)
    {
        if (sample.DirectPredictions is null || sample.LoggedPredictions is null)
        {
            throw new ArgumentException("the doubly robust estimator needs the outcome model's predictions", nameof(sample));
        }

        var terms = new double[sample.Count];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = sample.DirectPredictions[i] + (sample.Weights[i] * (sample.Outcomes[i] - sample.LoggedPredictions[i]));
        }

        return NormalInterval.OfTerms(Kind, terms);
    }
}
