using Controller.Learning.Policies;
using Controller.Offloading.EdgeCloud.Baselines;
using Controller.Offloading.EdgeCloud.Environments;

namespace Controller.Offloading.EdgeCloud.Evaluation;

/// <summary>A trained edge–cloud bundle behind <see cref="IEdgeCloudPolicy"/>; acts greedily (most probable allowed action).</summary>
public sealed class EdgeCloudLearnedPolicy : IEdgeCloudPolicy
{
    private readonly Policy _policy;

    /// <exception cref="InvalidDataException">The bundle's observation or action count does not fit the environment.</exception>
    public EdgeCloudLearnedPolicy(string name, Policy policy, int observationSize, int actionCount)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Name = name;
        _policy = policy;
        if (policy.Observation.Size != observationSize || policy.Actions.Count != actionCount)
        {
            throw new InvalidDataException(
                $"policy '{name}' takes {policy.Observation.Size} features and {policy.Actions.Count} actions but this environment has {observationSize} and {actionCount}; was it trained with another --max-draft or an older observation?");
        }
    }

    public string Name { get; }

    /// <summary>The loaded policy network (thread-safe for inference).</summary>
    public Policy Policy => _policy;

    public void BeginWindow(EdgeCloudEnvironment environment)
    {
    }

    public int ChooseAction(EdgeCloudEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask) =>
        _policy.Act(observation, mask).Action;

    /// <summary>The action the policy takes for an observation with every action allowed but the given mask.</summary>
    public int Act(ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask) => _policy.Act(observation, mask).Action;

    public void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
    }
}
