using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>
/// One-step greedy on the estimated reward: the action with the highest r at this turn. The
/// budget-respecting form chooses only among the actions the budget mask allows, i.e. those that
/// keep the dialogue's latency and usage totals within budget with the cheapest action reserved
/// for each later turn. It does not pace spending: an earlier form capped each action at the
/// remaining budget over the turns left of the longest dialogue, which on 4G forbade every image
/// call before the fifth turn and left the baseline barely above Local (issue 19).
/// </summary>
public sealed class GreedyPolicy(bool budgetAware) : StatelessPolicy
{
    public override string Name => budgetAware ? "Greedy (budget-respecting)" : "Greedy";

    public override bool UsesBudgetMask => budgetAware;

    public override int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        Span<double> rewards = stackalloc double[mask.Length];
        environment.EstimateRewards(rewards);
        var best = ModalityActionSpace.Local;
        for (var action = 0; action < mask.Length; action++)
        {
            if (mask[action] && rewards[action] > rewards[best])
            {
                best = action;
            }
        }

        return best;
    }
}
