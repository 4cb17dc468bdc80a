using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>
/// Plays the best action sequence of each test dialogue, found by <see cref="OracleSearch"/> with
/// knowledge no real policy has (the dialogue's tasks in advance). The unconstrained oracle is an
/// upper bound on reward; the budget-feasible oracle is the best any policy can do within budget.
/// </summary>
public sealed class OraclePolicy(OracleSearch search, bool budgetFeasible) : StatelessPolicy
{
    private int[] _plan = [];

    public override string Name => budgetFeasible ? "Oracle (budget-feasible)" : "Oracle";

    public override void BeginEpisode(TmoEnvironment environment)
    {
        var plan = search.Plan(environment.Dialogue);
        _plan = budgetFeasible ? plan.BestFeasible : plan.Best;
    }

    public override int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask) => _plan[environment.Turn];
}
