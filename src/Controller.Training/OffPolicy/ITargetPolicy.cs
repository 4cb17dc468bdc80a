namespace Controller.Training.OffPolicy;

/// <summary>
/// The policy being evaluated: its probability of every action in the situation a logged decision was made in. The
/// evaluator checks what it writes (finite, non-negative, summing to 1, nothing on a masked action), so an
/// implementation need not.
/// </summary>
public interface ITargetPolicy
{
    /// <summary>Name shown in reports, e.g. <c>edge-cloud-rc-ppo-800@v3</c>.</summary>
    string Name { get; }

    /// <summary>Writes π(a | context) for every action a of the record's action space into <paramref name="probabilities"/>.</summary>
    void ActionProbabilities(LoggedDecision decision, Span<double> probabilities);
}
