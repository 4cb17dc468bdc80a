namespace Controller.Learning.Algorithms;

/// <summary>Where a training run ended: totals and the means over the last (up to) 100 finished episodes, as SB3 reports them.</summary>
/// <param name="Timesteps">Environment steps taken (summed over vectorised environments).</param>
/// <param name="Episodes">Episodes finished.</param>
/// <param name="MeanEpisodeReturn">Mean undiscounted return of the recent episodes (NaN when none finished).</param>
/// <param name="MeanEpisodeCosts">Mean episode total per cost name (all costs the environment reports).</param>
/// <param name="Multipliers">Final Lagrange multiplier per constrained cost name (empty when unconstrained).</param>
public sealed record TrainingSummary(
    long Timesteps,
    long Episodes,
    double MeanEpisodeReturn,
    IReadOnlyDictionary<string, double> MeanEpisodeCosts,
    IReadOnlyDictionary<string, double> Multipliers);
