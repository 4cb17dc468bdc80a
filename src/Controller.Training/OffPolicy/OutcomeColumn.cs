namespace Controller.Training.OffPolicy;

/// <summary>One outcome estimated off-policy: the reward, or one of the costs by its index in <see cref="LoggedDecision.Costs"/>.</summary>
/// <param name="Name">"reward" or the cost's name.</param>
/// <param name="CostIndex">Index into <see cref="LoggedDecision.Costs"/>; −1 for the reward.</param>
public readonly record struct OutcomeColumn(string Name, int CostIndex)
{
    public const string RewardName = "reward";

    public static OutcomeColumn Reward { get; } = new(RewardName, -1);

    public bool IsReward => CostIndex < 0;

    public double Of(LoggedDecision decision) => IsReward ? decision.Reward : decision.Costs[CostIndex];

    /// <summary>The reward first, then each cost in log order.</summary>
    public static IReadOnlyList<OutcomeColumn> All(IReadOnlyList<string> costNames) =>
        [Reward, .. costNames.Select((name, index) => new OutcomeColumn(name, index))];
}
