using Controller.Training.Reports;

namespace Controller.Training.OffPolicy.KnownAnswer;

/// <summary>Outcome of a known-answer study: one row per (estimator, outcome).</summary>
/// <param name="Rows">Accuracy per estimator and outcome.</param>
/// <param name="EffectiveSampleSize">Mean ± sd over replications of the log's effective sample size for the target.</param>
/// <param name="DecisionsPerReplication">Logged decisions in each replication.</param>
/// <param name="Elapsed">Wall time of the whole study.</param>
public sealed record KnownAnswerResult(
    IReadOnlyList<EstimatorAccuracy> Rows,
    MeanAndDeviation EffectiveSampleSize,
    int DecisionsPerReplication,
    TimeSpan Elapsed)
{
    public EstimatorAccuracy Row(EstimatorKind estimator, string outcome) =>
        Rows.Single(r => r.Estimator == estimator && r.Outcome == outcome);
}
