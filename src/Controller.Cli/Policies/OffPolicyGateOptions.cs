using System.ComponentModel.DataAnnotations;

namespace Controller.Cli.Policies;

/// <summary>
/// What the off-policy promotion gate asks of a candidate besides the budgets (section <c>Policies:Gate</c>). The
/// budgets are not here: they are the service's (<c>Decision</c> section, and the energy window of the candidate's
/// problem), shared per decision by <see cref="Controller.Training.OffPolicy.Gate.PerDecisionBudget"/>.
/// </summary>
public sealed class OffPolicyGateOptions
{
    public const string SectionName = "Policies:Gate";

    /// <summary>Fewest usable logged decisions (observation, mask and outcome on record) a verdict may rest on. Default 200.</summary>
    [Range(4, 10_000_000)]
    public int MinimumDecisions { get; set; } = 200;

    /// <summary>Fewest effective decisions ((Σw)²/Σw²) the intervals may rest on; below ~30 the CLT intervals are too narrow. Default 30.</summary>
    [Range(0, 10_000_000)]
    public double MinimumEffectiveSampleSize { get; set; } = 30;

    /// <summary>How far the candidate's reward lower bound must clear the active policy's estimate (reward units). Default 0.</summary>
    [Range(0, 1e6)]
    public double RewardMargin { get; set; }

    /// <summary>Seed of the doubly robust estimator's cross-fitting folds, so a verdict can be reproduced. Default 0.</summary>
    public int Seed { get; set; }
}
