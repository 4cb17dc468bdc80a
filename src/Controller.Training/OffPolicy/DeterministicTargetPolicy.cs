namespace Controller.Training.OffPolicy;

/// <summary>
/// A target that always takes one action per situation (a greedy learned policy, a rule): probability 1 on the action
/// <c>choose</c> returns. Its importance weight is 1/propensity where the log agrees with it and 0 elsewhere, so only
/// the logged decisions that happened to take its action inform the estimate.
/// </summary>
public sealed class DeterministicTargetPolicy : ITargetPolicy
{
    private readonly Func<LoggedDecision, int> _choose;

    public DeterministicTargetPolicy(string name, Func<LoggedDecision, int> choose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(choose);
        Name = name;
        _choose = choose;
    }

    public string Name { get; }

    public void ActionProbabilities(LoggedDecision decision, Span<double> probabilities)
    {
        var action = _choose(decision);
        if (action < 0 || action >= probabilities.Length)
        {
            throw new OffPolicyInputException($"target policy '{Name}' chose action {action}, outside the {probabilities.Length} actions");
        }

        probabilities.Clear();
        probabilities[action] = 1;
    }
}
