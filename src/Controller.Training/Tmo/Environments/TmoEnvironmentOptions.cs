namespace Controller.Training.Tmo.Environments;

/// <summary>How the TMO environment scores, limits and shows each dialogue.</summary>
public sealed record TmoEnvironmentOptions
{
    /// <summary>Reward weights; default TMO's α = 1, β = 1/3 each.</summary>
    public RewardWeights Reward { get; init; } = RewardWeights.Default;

    /// <summary>Per-dialogue latency budget, seconds; default TMO's 30 s.</summary>
    public double LatencyBudgetS { get; init; } = 30;

    /// <summary>Per-dialogue usage budget, US dollars; default TMO's $0.05.</summary>
    public double UsageBudgetUsd { get; init; } = 0.05;

    /// <summary>
    /// Observation the agent sees; default <see cref="TmoObservationMode.ImprovedWithRewards"/>: with only
    /// tasks and history the policy must relearn the estimator to compete with one-step Greedy, and on
    /// Wired (budgets slack) it did not (docs/tmo.md).
    /// </summary>
    public TmoObservationMode Observation { get; init; } = TmoObservationMode.ImprovedWithRewards;

    /// <summary>
    /// True reproduces TMO's training, where the history in the observation (and in the estimator's
    /// query) is the logged one rather than the agent's own; default false (the agent's own).
    /// </summary>
    public bool UseLoggedHistory { get; init; }

    /// <summary>
    /// True masks every action that would overrun a remaining budget once the cheapest action is
    /// reserved for each later turn; local stays allowed as the fallback. Default true.
    /// </summary>
    public bool MaskOverBudget { get; init; } = true;

    /// <summary>How each seed splits the dialogues; default TMO's (CPython's seeded shuffle).</summary>
    public Datasets.SplitRule Split { get; init; } = Datasets.SplitRule.Python;

    /// <summary>The R̂ estimator's tie rule at the k-th distance; default TMO's exactly k.</summary>
    public NeighbourTies NeighbourTies { get; init; } = NeighbourTies.Exact;

    /// <summary>Checks the options and names the first bad one.</summary>
    public TmoEnvironmentOptions Validated()
    {
        if (!(LatencyBudgetS > 0) || double.IsInfinity(LatencyBudgetS))
        {
            throw new ArgumentOutOfRangeException(nameof(LatencyBudgetS), LatencyBudgetS, "latency budget must be a positive number of seconds");
        }

        if (!(UsageBudgetUsd > 0) || double.IsInfinity(UsageBudgetUsd))
        {
            throw new ArgumentOutOfRangeException(nameof(UsageBudgetUsd), UsageBudgetUsd, "usage budget must be a positive number of dollars");
        }

        return this;
    }
}
