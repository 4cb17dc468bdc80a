using Controller.Learning.Environments;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>
/// Training wraps the TMO environment in <see cref="BudgetConditionedEnvironment"/> with fixed
/// budgets, which divides costs by the budget (so the Lagrangian sees "episode cost ≤ 1") and
/// appends [budget / max, remaining / budget] per cost. A learned policy at evaluation needs the
/// same four features, written here from the environment's own spending.
/// </summary>
public static class BudgetFeatures
{
    /// <summary>Number of features appended.</summary>
    public const int Count = 4;

    /// <summary>Wraps <paramref name="environment"/> as training does.</summary>
    public static BudgetConditionedEnvironment Wrap(TmoEnvironment environment, int seed)
    {
        var options = environment.Options;
        return new BudgetConditionedEnvironment(
            environment,
            [
                new BudgetRange(TmoEnvironment.CostNames[0], options.LatencyBudgetS, options.LatencyBudgetS),
                new BudgetRange(TmoEnvironment.CostNames[1], options.UsageBudgetUsd, options.UsageBudgetUsd),
            ],
            seed);
    }

    /// <summary>Names of the appended features.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["budget/latency_s", "remaining/latency_s", "budget/usage_usd", "remaining/usage_usd"];

    /// <summary>Writes the four features for the environment's current spending.</summary>
    public static void Write(TmoEnvironment environment, Span<float> destination)
    {
        var options = environment.Options;
        destination[0] = 1f;
        destination[1] = (float)((options.LatencyBudgetS - environment.SpentLatencyS) / options.LatencyBudgetS);
        destination[2] = 1f;
        destination[3] = (float)((options.UsageBudgetUsd - environment.SpentUsageUsd) / options.UsageBudgetUsd);
    }
}
