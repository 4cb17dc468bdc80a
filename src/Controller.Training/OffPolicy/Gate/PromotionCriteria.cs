namespace Controller.Training.OffPolicy.Gate;

/// <summary>What a candidate must show, on the logs, to be promoted.</summary>
/// <param name="MinimumDecisions">Fewest logged decisions the estimate must rest on.</param>
/// <param name="CostBudgets">Per-decision budget of every cost the report estimates, by cost name (see
/// <see cref="PerDecisionBudget"/> for how the service's dialogue and window budgets map to these). A cost without a
/// budget refuses the candidate: an unchecked cost is not a passed one.</param>
/// <param name="Estimator">Which estimator's interval the gate reads. Default doubly robust.</param>
/// <param name="RewardMargin">How far the reward's lower bound must clear the active policy's estimate. Default 0.</param>
/// <param name="MinimumEffectiveSampleSize">Fewest effective decisions ((Σw)²/Σw²) the intervals may rest on. Default 0
/// (no check); a few large weights can make a CLT interval too narrow, so a deployment should set one.</param>
public sealed record PromotionCriteria(
    int MinimumDecisions,
    IReadOnlyDictionary<string, double> CostBudgets,
    EstimatorKind Estimator = EstimatorKind.DoublyRobust,
    double RewardMargin = 0,
    double MinimumEffectiveSampleSize = 0)
{
    internal void Validate()
    {
        if (MinimumDecisions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumDecisions), MinimumDecisions, "at least one decision");
        }

        ArgumentNullException.ThrowIfNull(CostBudgets);
        foreach (var (cost, budget) in CostBudgets)
        {
            if (!(budget >= 0 && double.IsFinite(budget)))
            {
                throw new ArgumentOutOfRangeException(nameof(CostBudgets), budget, $"budget of {cost} must be finite and non-negative");
            }
        }

        if (!(RewardMargin >= 0 && double.IsFinite(RewardMargin)))
        {
            throw new ArgumentOutOfRangeException(nameof(RewardMargin), RewardMargin, "must be finite and non-negative");
        }

        if (!(MinimumEffectiveSampleSize >= 0 && double.IsFinite(MinimumEffectiveSampleSize)))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumEffectiveSampleSize), MinimumEffectiveSampleSize, "must be finite and non-negative");
        }
    }
}
