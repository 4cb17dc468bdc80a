using Controller.Learning.Policies;
using Controller.Offloading.EdgeCloud.Baselines;
using Controller.Offloading.EdgeCloud.Environments;
using Controller.Offloading.Placement;

namespace Controller.Offloading.EdgeCloud.Evaluation;

/// <summary>
/// A trained edge–cloud bundle behind <see cref="IEdgeCloudPolicy"/>; acts greedily (most probable allowed action). A bundle
/// trained with <see cref="DraftLengthActions.RelativeToPlanner"/> acts in <see cref="RelativeDraftActionSpace"/>; its choice
/// is translated to the environment's absolute action. One instance serves one simulated device at a time (it keeps scratch).
/// </summary>
public sealed class EdgeCloudLearnedPolicy : IEdgeCloudPolicy
{
    private readonly Policy _policy;
    private readonly RelativeDraftActionSpace? _relative;
    private readonly bool[] _relativeMask;

    /// <exception cref="InvalidDataException">The bundle's observation or action count does not fit the environment.</exception>
    public EdgeCloudLearnedPolicy(string name, Policy policy, DraftLengthActions draftActions, EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _policy = policy;
        DraftActions = draftActions;
        var absolute = CompositeActionSpace.Get(EdgeCloudWorkload.ModalitySlots, options.MaxDraftLength);
        _relative = draftActions == DraftLengthActions.RelativeToPlanner ? new RelativeDraftActionSpace(absolute) : null;
        var actionCount = _relative?.Count ?? absolute.Count;
        _relativeMask = new bool[_relative?.Count ?? 0];
        if (policy.Observation.Size != EdgeCloudObservation.Size || policy.Actions.Count != actionCount)
        {
            throw new InvalidDataException(
                $"policy '{name}' takes {policy.Observation.Size} features and {policy.Actions.Count} actions but this environment has {EdgeCloudObservation.Size} and {actionCount} ({draftActions} draft lengths, K = {options.MaxDraftLength}); was it trained with another --max-draft or an older observation?");
        }
    }

    public string Name { get; }

    /// <summary>The loaded policy network (thread-safe for inference).</summary>
    public Policy Policy => _policy;

    /// <summary>How the bundle's speculative actions name their draft length.</summary>
    public DraftLengthActions DraftActions { get; }

    public void BeginWindow(EdgeCloudEnvironment environment)
    {
    }

    public int ChooseAction(EdgeCloudEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Act(environment.Decision, observation, mask);
    }

    /// <summary>The absolute action the policy takes in <paramref name="decision"/> with <paramref name="mask"/> (absolute) allowed.</summary>
    public int Act(EdgeCloudDecision decision, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (_relative is null)
        {
            return _policy.Act(observation, mask).Action;
        }

        _relative.Mask(decision, mask, _relativeMask);
        return _relative.ToAbsolute(decision, _policy.Act(observation, _relativeMask).Action);
    }

    public void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
    }
}
