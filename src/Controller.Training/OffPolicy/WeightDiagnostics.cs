namespace Controller.Training.OffPolicy;

/// <summary>
/// How much the log says about the target: the importance weights wᵢ = π(aᵢ|xᵢ) / μᵢ (μᵢ the logged propensity).
/// </summary>
/// <param name="EffectiveSampleSize">Kish's (Σw)² / Σw²: the number of on-policy decisions the log is worth. n when the
/// target is the logging policy; small when a few large weights dominate.</param>
/// <param name="MeanWeight">Σw / n; its expectation is 1 when propensities are right and every target action has support,
/// so a value far from 1 on a large log is a warning sign.</param>
/// <param name="MaxWeight">The largest weight after any cap.</param>
/// <param name="MatchingDecisions">Records whose logged action the target could take (wᵢ &gt; 0).</param>
/// <param name="CappedDecisions">Records whose weight the cap lowered; 0 without a cap.</param>
/// <param name="WeightCap">The cap, when one was set (<see cref="OffPolicyOptions.WeightCap"/>).</param>
public sealed record WeightDiagnostics(
    double EffectiveSampleSize,
    double MeanWeight,
    double MaxWeight,
    int MatchingDecisions,
    int CappedDecisions,
    double? WeightCap);
