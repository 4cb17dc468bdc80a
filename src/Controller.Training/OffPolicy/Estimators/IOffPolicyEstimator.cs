namespace Controller.Training.OffPolicy.Estimators;

/// <summary>
/// One off-policy estimator (Open Bandit Pipeline's shape: per-record terms, a value, an interval). Each implementation
/// documents its formula, its interval and its paper.
/// </summary>
public interface IOffPolicyEstimator
{
    EstimatorKind Kind { get; }

    /// <summary>Whether the estimator needs <see cref="OutcomeSample.DirectPredictions"/> and <see cref="OutcomeSample.LoggedPredictions"/>.</summary>
    bool NeedsOutcomeModel { get; }

    PolicyValueEstimate Estimate(OutcomeSample sample);
}
