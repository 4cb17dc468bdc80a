namespace Controller.Learning.Environments;

/// <summary>Totals of one finished episode.</summary>
/// <param name="Return">Undiscounted sum of rewards (before constraint shaping).</param>
/// <param name="Costs">Undiscounted sum of each cost, in <see cref="EnvironmentSpec.CostNames"/> order.</param>
/// <param name="Length">Steps in the episode.</param>
public sealed record EpisodeStatistics(double Return, IReadOnlyList<double> Costs, int Length);
