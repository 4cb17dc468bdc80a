namespace Controller.Training.OffPolicy;

/// <summary>The off-policy estimate of one target policy's per-decision reward and costs on one log.</summary>
/// <param name="TargetPolicy">The evaluated policy's name.</param>
/// <param name="DecisionCount">Logged decisions used.</param>
/// <param name="LoggingPolicies">Which policies made them, most decisions first.</param>
/// <param name="Weights">Importance-weight diagnostics; read <see cref="WeightDiagnostics.EffectiveSampleSize"/> before the intervals.</param>
/// <param name="Outcomes">The reward first, then each cost in log order.</param>
/// <param name="OutcomeModel">The DR outcome model's description (with its folds), or null when DR was not computed.</param>
public sealed record OffPolicyReport(
    string TargetPolicy,
    int DecisionCount,
    IReadOnlyList<LoggingPolicyCount> LoggingPolicies,
    WeightDiagnostics Weights,
    IReadOnlyList<OutcomeEstimates> Outcomes,
    string? OutcomeModel)
{
    public OutcomeEstimates Reward => Outcomes[0];

    /// <summary>The costs, in log order.</summary>
    public IEnumerable<OutcomeEstimates> Costs => Outcomes.Skip(1);

    /// <summary>One outcome by name ("reward" or a cost name), or null.</summary>
    public OutcomeEstimates? Find(string outcome) => Outcomes.FirstOrDefault(o => o.Outcome == outcome);
}
