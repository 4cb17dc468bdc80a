namespace Controller.Training.OffPolicy;

/// <summary>One estimator's estimate of the target's expected per-decision value of one outcome, with its 95 % interval.</summary>
/// <param name="Estimator">Which estimator.</param>
/// <param name="Value">The point estimate (per decision).</param>
/// <param name="StandardError">Its estimated standard error.</param>
/// <param name="Lower">Lower end of the 95 % interval.</param>
/// <param name="Upper">Upper end of the 95 % interval.</param>
/// <param name="IntervalMethod">How the interval was built, in words (printed beside it).</param>
public sealed record PolicyValueEstimate(
    EstimatorKind Estimator,
    double Value,
    double StandardError,
    double Lower,
    double Upper,
    string IntervalMethod)
{
    public bool Covers(double value) => Lower <= value && value <= Upper;
}
