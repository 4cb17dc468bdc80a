namespace Controller.Training.OffPolicy;

/// <summary>Every estimator's estimate of one outcome (the reward or one cost) of the target policy, per decision.</summary>
/// <param name="Outcome">"reward" or the cost's name.</param>
/// <param name="Ips">Inverse propensity scoring.</param>
/// <param name="SelfNormalizedIps">Self-normalised IPS.</param>
/// <param name="DoublyRobust">Doubly robust; null when no outcome model was configured.</param>
public sealed record OutcomeEstimates(
    string Outcome,
    PolicyValueEstimate Ips,
    PolicyValueEstimate SelfNormalizedIps,
    PolicyValueEstimate? DoublyRobust)
{
    /// <summary>The estimate of one estimator, or null when it was not computed.</summary>
    public PolicyValueEstimate? Get(EstimatorKind kind) => kind switch
    {
        EstimatorKind.Ips => Ips,
        EstimatorKind.SelfNormalizedIps => SelfNormalizedIps,
        EstimatorKind.DoublyRobust => DoublyRobust,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown estimator"),
    };

    /// <summary>The estimates that were computed, IPS first.</summary>
    public IEnumerable<PolicyValueEstimate> All()
    {
        yield return Ips;
        yield return SelfNormalizedIps;
        if (DoublyRobust is not null)
        {
            yield return DoublyRobust;
        }
    }
}
