namespace Controller.Training.OffPolicy.KnownAnswer;

/// <summary>How one estimator did on one outcome over the replications of a known-answer study.</summary>
/// <param name="Estimator">The estimator.</param>
/// <param name="Outcome">"reward" or the cost's name.</param>
/// <param name="Truth">The target's true value, by enumeration.</param>
/// <param name="MeanEstimate">Mean of the estimates over replications.</param>
/// <param name="StandardDeviation">Sample sd of the estimates over replications (the estimator's real error).</param>
/// <param name="MeanStandardError">Mean of the estimator's own standard errors (compare with the sd).</param>
/// <param name="Coverage">Share of replications whose 95 % interval covered the truth.</param>
/// <param name="Replications">How many replications.</param>
public sealed record EstimatorAccuracy(
    EstimatorKind Estimator,
    string Outcome,
    double Truth,
    double MeanEstimate,
    double StandardDeviation,
    double MeanStandardError,
    double Coverage,
    int Replications)
{
    public double Bias => MeanEstimate - Truth;

    /// <summary>Standard error of <see cref="MeanEstimate"/>: sd / √replications.</summary>
    public double StandardErrorOfMean => StandardDeviation / Math.Sqrt(Replications);

    /// <summary>Bias in units of <see cref="StandardErrorOfMean"/>: |value| ≤ 3 is "unbiased within its error".</summary>
    public double BiasInStandardErrors => Bias / StandardErrorOfMean;
}
