namespace Controller.Training.Tmo.Environments;

/// <summary>
/// The one rule every part of the TMO evaluation uses to decide whether a total is within a budget.
/// Costs are summed turn by turn in some places (the environment, the episode runner) and as
/// count × cost in others (the synthetic oracle's dynamic programme); in floating point those differ
/// in the last bits (0.01 vs 0.010000000000000002), so a plan the oracle built as feasible could be
/// reported over budget. A relative tolerance of 1e-9 of the budget absorbs that and nothing else.
/// </summary>
public static class BudgetComparison
{
    /// <summary>Relative slack on a budget.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>True when <paramref name="total"/> does not exceed <paramref name="budget"/>.</summary>
    public static bool Within(double total, double budget) => total <= budget + (Math.Abs(budget) * RelativeTolerance);

    /// <summary>True when <paramref name="total"/> exceeds <paramref name="budget"/>.</summary>
    public static bool Over(double total, double budget) => !Within(total, budget);
}
