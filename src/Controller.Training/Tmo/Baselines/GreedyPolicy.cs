using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>
/// One-step greedy on the estimated reward: the action with the highest r at this turn. The
/// budget-aware form runs with the budget mask and also paces spending: an action may use at most
/// the remaining budget divided by the turns left (up to the longest dialogue), so early turns
/// cannot starve later ones.
/// </summary>
public sealed class GreedyPolicy(bool budgetAware) : StatelessPolicy
{
    public override string Name => budgetAware ? "Greedy (budget-aware)" : "Greedy";

    public override bool UsesBudgetMask => budgetAware;

    public override int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        Span<double> rewards = stackalloc double[mask.Length];
        environment.EstimateRewards(rewards);
        var best = ModalityActionSpace.Local;
        for (var action = 0; action < mask.Length; action++)
        {
            if (mask[action] && (!budgetAware || WithinPace(environment, action)) && rewards[action] > rewards[best])
            {
                best = action;
            }
        }

        return best;
    }

    private static bool WithinPace(TmoEnvironment environment, int action)
    {
        if (action == ModalityActionSpace.Local)
        {
            return true;
        }

        var turnsLeft = Math.Max(1, environment.MaxTurns - environment.Turn);
        var options = environment.Options;
        var costs = environment.Problem.Costs;
        return costs.LatencyS(action) <= (options.LatencyBudgetS - environment.SpentLatencyS) / turnsLeft
            && costs.UsageUsd(action) <= (options.UsageBudgetUsd - environment.SpentUsageUsd) / turnsLeft;
    }
}
