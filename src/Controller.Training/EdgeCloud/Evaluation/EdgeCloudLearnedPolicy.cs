using Controller.Learning.Policies;
using Controller.Offloading.Placement;
using Controller.Training.EdgeCloud.Baselines;
using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>
/// A trained edge–cloud bundle behind <see cref="IEdgeCloudPolicy"/>. It acts greedily part by part: the most probable
/// location (its probability summed over every subset and draft length), then the most probable modality subset there,
/// then the most probable draft length. The single most probable joint action would undercount an option spread over
/// many variants — a policy giving speculative decoding 0.55 over several offsets and local 0.45 would run local. A bundle
/// trained with <see cref="DraftLengthActions.RelativeToPlanner"/> acts in <see cref="RelativeDraftActionSpace"/>; its choice
/// is translated to the environment's absolute action. A bundle trained with the planner's prior
/// (<see cref="PlannerPrior"/>, β = <see cref="PriorSharpness"/>) gets the same prior added to its logits here.
/// One instance serves one simulated device at a time (it keeps scratch); <see cref="ForAnotherDevice"/> shares the network.
/// </summary>
public sealed class EdgeCloudLearnedPolicy : IEdgeCloudPolicy
{
    private readonly Policy _policy;
    private readonly RelativeDraftActionSpace? _relative;
    private readonly bool[] _relativeMask;
    private readonly float[] _probabilities;
    private readonly int _firstSpeculative;
    private readonly int _blockWidth;
    private readonly EdgeCloudEnvironmentOptions _options;
    private readonly float[] _absolutePrior;
    private readonly float[] _prior;

    /// <param name="priorSharpness">β of the planner prior the bundle was trained with; null or 0 for none.</param>
    /// <exception cref="InvalidDataException">The bundle's observation or action count does not fit the environment.</exception>
    public EdgeCloudLearnedPolicy(string name, Policy policy, DraftLengthActions draftActions, EdgeCloudEnvironmentOptions options, double? priorSharpness = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _policy = policy;
        _options = options;
        DraftActions = draftActions;
        PriorSharpness = priorSharpness is > 0 ? priorSharpness : null;
        var absolute = CompositeActionSpace.Get(EdgeCloudWorkload.ModalitySlots, options.MaxDraftLength);
        _relative = draftActions == DraftLengthActions.RelativeToPlanner ? RelativeDraftActionSpace.Get(absolute.ModalityCount, absolute.MaxDraftLength) : null;
        var actionCount = _relative?.Count ?? absolute.Count;
        _relativeMask = new bool[_relative?.Count ?? 0];
        _probabilities = new float[actionCount];
        _absolutePrior = new float[PriorSharpness is null ? 0 : absolute.Count];
        _prior = new float[PriorSharpness is null ? 0 : actionCount];
        _firstSpeculative = absolute.FirstSpeculativeIndex;
        _blockWidth = _relative?.OffsetCount ?? absolute.MaxDraftLength;
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

    /// <summary>β of the planner prior added to the logits; null when the bundle was trained without one.</summary>
    public double? PriorSharpness { get; }

    /// <summary>The same bundle with its own scratch, for another simulated device.</summary>
    public EdgeCloudLearnedPolicy ForAnotherDevice() => new(Name, _policy, DraftActions, _options, PriorSharpness);

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
        if (PriorSharpness is { } beta)
        {
            PlannerPrior.Write(decision, mask, beta, _absolutePrior);
        }

        if (_relative is null)
        {
            return ChooseAllowed(observation, mask, PriorSharpness is null ? default : _absolutePrior);
        }

        _relative.Mask(decision, mask, _relativeMask);
        if (PriorSharpness is not null)
        {
            _relative.FromAbsoluteValues(decision, _relativeMask, _absolutePrior, _prior);
        }

        return _relative.ToAbsolute(decision, ChooseAllowed(observation, _relativeMask, _prior));
    }

    /// <summary>Part-by-part choice; the plain masked argmax if the probabilities are not usable (a non-finite logit).</summary>
    private int ChooseAllowed(ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask, ReadOnlySpan<float> logPrior)
    {
        _policy.ActionProbabilities(observation, mask, _probabilities, logPrior);
        var choice = MostProbableByParts(_probabilities, _firstSpeculative, _blockWidth);
        return _probabilities[choice] > 0 && mask[choice] ? choice : _policy.Act(observation, mask, logPrior: logPrior).Action;
    }

    /// <summary>
    /// The action chosen part by part from π over a composite layout — index 0 local, 1.. <paramref name="firstSpeculative"/> − 1
    /// cloud per subset, then one block of <paramref name="blockWidth"/> draft choices per subset: the location with the most
    /// probability, then its most probable subset, then that subset's most probable draft choice. Masked actions have
    /// probability 0, so the answer is always allowed. Ties go to the earlier index.
    /// </summary>
    public static int MostProbableByParts(ReadOnlySpan<float> probabilities, int firstSpeculative, int blockWidth)
    {
        var local = probabilities[0];
        var cloud = probabilities[1..firstSpeculative];
        var speculative = probabilities[firstSpeculative..];
        var cloudMass = Sum(cloud);
        var speculativeMass = Sum(speculative);
        if (local >= cloudMass && local >= speculativeMass)
        {
            return 0;
        }

        if (cloudMass >= speculativeMass)
        {
            return 1 + ArgMax(cloud);
        }

        var bestBlock = 0;
        var bestMass = -1f;
        for (var block = 0; block < speculative.Length / blockWidth; block++)
        {
            var mass = Sum(speculative.Slice(block * blockWidth, blockWidth));
            if (mass > bestMass)
            {
                bestMass = mass;
                bestBlock = block;
            }
        }

        return firstSpeculative + (bestBlock * blockWidth) + ArgMax(speculative.Slice(bestBlock * blockWidth, blockWidth));
    }

    private static float Sum(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    public void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
    }
}
