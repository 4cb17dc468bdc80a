using Controller.Learning.Policies;

namespace Controller.Training.OffPolicy;

/// <summary>
/// A trained <see cref="Policy"/> as the target: its masked softmax (one-hot on the best action for a Q-value head) over
/// the logged observation and mask. The log's contexts must be the raw observations the policy was trained on.
/// </summary>
public sealed class LearnedTargetPolicy : ITargetPolicy
{
    private readonly Policy _policy;
    private readonly float[] _logPrior;

    /// <param name="logPrior">The state prior the policy was trained with, if any (see <see cref="Policy.ActionProbabilities"/>);
    /// a prior that depends on the context needs its own <see cref="ITargetPolicy"/>.</param>
    public LearnedTargetPolicy(string name, Policy policy, float[]? logPrior = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(policy);
        Name = name;
        _policy = policy;
        _logPrior = logPrior ?? [];
    }

    public string Name { get; }

    public void ActionProbabilities(LoggedDecision decision, Span<double> probabilities)
    {
        if (decision.Context.Length != _policy.Observation.Size)
        {
            throw new OffPolicyInputException($"target policy '{Name}' takes {_policy.Observation.Size} features; the logged context has {decision.Context.Length}");
        }

        if (decision.ActionMask.Length != _policy.Actions.Count)
        {
            throw new OffPolicyInputException($"target policy '{Name}' has {_policy.Actions.Count} actions; the logged mask has {decision.ActionMask.Length}");
        }

        Span<float> single = stackalloc float[probabilities.Length];
        _policy.ActionProbabilities(decision.Context, decision.ActionMask, single, _logPrior);
        for (var a = 0; a < probabilities.Length; a++)
        {
            probabilities[a] = single[a];
        }
    }
}
