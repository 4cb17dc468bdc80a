using Controller.Contracts;
using Controller.Learning.Policies;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;

namespace Controller.Service.Policies;

/// <summary>
/// A policy trained on the edge–cloud problem, serving live requests. Per request it builds the problem's decision,
/// observation and mask from the context (<see cref="EdgeCloudServingSituation"/>, the training encoder), adds the planner
/// prior the bundle was trained with, runs the network with per-thread buffers (<see cref="Forward"/> allocates nothing)
/// and samples one action from the masked softmax mixed with a uniform floor over the allowed actions:
/// π'(a) = (1 − η)·π(a) + η/n, n allowed actions, η = <see cref="ExplorationFloor"/>. The logged propensity is π'(a) of the
/// chosen action, the true probability it was drawn with, and every allowed action keeps π' ≥ η/n, so off-policy
/// evaluation of any other policy on these logs has bounded importance weights. Masked actions have π' = 0 and are never
/// chosen. When the problem cannot describe the request (no heartbeat yet, an unknown device class, more than three
/// modalities) or the network throws or its probabilities are not finite, the fallback policy decides and the choice says why
/// (<see cref="PlacementChoice.FallbackReason"/>).
/// </summary>
public sealed class LearnedPlacementPolicy : IPlacementPolicy
{
    private readonly Policy _policy;
    private readonly EdgeCloudPolicySpec _spec;
    private readonly IPlacementPolicy _fallback;
    private readonly RelativeDraftActionSpace? _relative;
    private readonly CompositeActionSpace _absolute;
    private readonly ThreadLocal<Scratch> _scratch;

    /// <param name="explorationFloor">η ∈ [0, 1): the share of probability spread uniformly over the allowed actions.</param>
    /// <exception cref="ArgumentException">The network does not take the problem's observation or output its action count.</exception>
    public LearnedPlacementPolicy(PolicyManifest manifest, Policy policy, EdgeCloudPolicySpec spec, IPlacementPolicy fallback, double explorationFloor)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(fallback);
        if (!(explorationFloor >= 0 && explorationFloor < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(explorationFloor), explorationFloor, "The exploration floor η must lie in [0, 1).");
        }

        Manifest = manifest;

        _absolute = CompositeActionSpace.Get(EdgeCloudProblem.ModalitySlots, spec.Problem.MaxDraftLength);
        _relative = spec.DraftActions == DraftLengthActions.RelativeToPlanner
            ? RelativeDraftActionSpace.Get(EdgeCloudProblem.ModalitySlots, spec.Problem.MaxDraftLength)
            : null;
        var actions = _relative?.Count ?? _absolute.Count;
        if (policy.Observation.Size != EdgeCloudObservation.Size || policy.Actions.Count != actions)
        {
            throw new ArgumentException(
                $"The network takes {policy.Observation.Size} features and outputs {policy.Actions.Count} actions; the problem has {EdgeCloudObservation.Size} and {actions}.",
                nameof(policy));
        }

        _policy = policy;
        _spec = spec;
        _fallback = fallback;
        ExplorationFloor = explorationFloor;
        Name = manifest.Name;
        Version = manifest.Version;
        Algorithm = manifest.Algorithm;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(_absolute.Count, actions));
    }

    public string Name { get; }

    public string Version { get; }

    public string Algorithm { get; }

    /// <summary>η: every allowed action is chosen with probability at least η / (number of allowed actions).</summary>
    public double ExplorationFloor { get; }

    /// <summary>The edge–cloud problem this policy was trained on and builds its observations under.</summary>
    public EdgeCloudServingProblem Problem => _spec.Problem;

    /// <summary>The bundle's manifest: provenance, and the constraints it was trained under with their final multipliers.</summary>
    public PolicyManifest Manifest { get; }

    /// <summary>The policy that decides when this one cannot.</summary>
    public IPlacementPolicy Fallback => _fallback;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The context is invalid; the message names the field.</exception>
    public PlacementChoice Decide(PlacementContext context, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var decision = EdgeCloudServingSituation.Create(context, _spec.Problem, out var reason);
        if (decision is null)
        {
            return _fallback.Decide(context, random) with { FallbackReason = reason };
        }

        var scratch = _scratch.Value!;
        bool usable;
        try
        {
            usable = Forward(decision, scratch);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            // A network gone bad (NaN weights make every logit NaN, and the masked softmax then refuses the mask) must not
            // fail the request: the baseline decides, and the reason is logged with the decision.
            return _fallback.Decide(context, random) with { FallbackReason = $"the policy threw: {ex.Message}" };
        }

        if (!usable)
        {
            return _fallback.Decide(context, random) with { FallbackReason = "the network's action probabilities are not finite" };
        }

        var chosen = Sample(scratch.Probabilities, scratch.PolicyMask, random.NextDouble());
        var absolute = _relative?.ToAbsolute(decision, chosen) ?? chosen;
        var action = _absolute.Decode(absolute);
        var offers = context.Request.Modalities;
        var ids = new List<string>(action.ModalityCount);
        for (var i = 0; i < offers.Count; i++)
        {
            if ((action.ModalityMask & (1 << i)) != 0)
            {
                ids.Add(offers[i].Id);
            }
        }

        var expected = new RequestEstimate(decision.ExpectedLatencyMs(absolute), 0, decision.ExpectedEnergyJoules(absolute),
            decision.ExpectedSpendUsd(absolute), 0, 0, decision.ExpectedQuality(absolute));
        // The logged index is the request's own composite space (M = offered modalities, K = the problem's), as the baseline logs it.
        var index = CompositeActionSpace.Get(offers.Count, _spec.Problem.MaxDraftLength).Encode(action);
        return new PlacementChoice(action.Location, ids, action.DraftLength, index, scratch.Probabilities[chosen], expected)
        {
            Observation = [.. scratch.Observation],
            Mask = [.. scratch.AbsoluteMask],
        };
    }

    /// <summary>
    /// Observation, mask, prior and π' of <paramref name="decision"/> into <paramref name="scratch"/>; false when the
    /// probabilities are not finite. Allocates nothing.
    /// </summary>
    internal bool Forward(EdgeCloudDecision decision, Scratch scratch)
    {
        EdgeCloudServingSituation.Write(decision, _spec.Problem, scratch.Observation, scratch.AbsoluteMask);
        var beta = _spec.PlannerPriorSharpness;
        if (beta is { } b)
        {
            PlannerPrior.Write(decision, scratch.AbsoluteMask, b, scratch.AbsolutePrior);
        }

        if (_relative is null)
        {
            scratch.AbsoluteMask.CopyTo(scratch.PolicyMask, 0);
            if (beta is not null)
            {
                scratch.AbsolutePrior.CopyTo(scratch.Prior, 0);
            }
        }
        else
        {
            _relative.Mask(decision, scratch.AbsoluteMask, scratch.PolicyMask);
            if (beta is not null)
            {
                _relative.FromAbsoluteValues(decision, scratch.PolicyMask, scratch.AbsolutePrior, scratch.Prior);
            }
        }

        _policy.ActionProbabilities(scratch.Observation, scratch.PolicyMask, scratch.Probabilities, beta is null ? default : scratch.Prior);
        var allowed = 0;
        var total = 0.0;
        for (var a = 0; a < scratch.Probabilities.Length; a++)
        {
            var p = scratch.Probabilities[a];
            if (!float.IsFinite(p))
            {
                return false;
            }

            allowed += scratch.PolicyMask[a] ? 1 : 0;
            total += scratch.PolicyMask[a] ? p : 0;
        }

        if (allowed == 0 || !(total > 0))
        {
            return false;
        }

        var floor = ExplorationFloor / allowed;
        for (var a = 0; a < scratch.Probabilities.Length; a++)
        {
            scratch.Probabilities[a] = scratch.PolicyMask[a] ? (float)(((1 - ExplorationFloor) * scratch.Probabilities[a] / total) + floor) : 0f;
        }

        return true;
    }

    /// <summary>Inverse-CDF draw over the allowed actions; the last allowed action takes any rounding remainder.</summary>
    private static int Sample(ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> mask, double u)
    {
        var last = -1;
        var cumulative = 0.0;
        for (var a = 0; a < probabilities.Length; a++)
        {
            if (!mask[a])
            {
                continue;
            }

            last = a;
            cumulative += probabilities[a];
            if (u < cumulative)
            {
                return a;
            }
        }

        return last;
    }

    /// <summary>Per-thread buffers of one decision.</summary>
    internal sealed class Scratch(int absoluteActions, int policyActions)
    {
        public float[] Observation { get; } = new float[EdgeCloudObservation.Size];

        public bool[] AbsoluteMask { get; } = new bool[absoluteActions];

        public float[] AbsolutePrior { get; } = new float[absoluteActions];

        public bool[] PolicyMask { get; } = new bool[policyActions];

        public float[] Prior { get; } = new float[policyActions];

        public float[] Probabilities { get; } = new float[policyActions];
    }
}
