using Controller.Learning.Policies;
using Controller.Training.OffPolicy;

namespace Controller.Cli.Policies;

/// <summary>
/// A candidate as it would serve: the bundle's masked softmax (<see cref="LearnedTargetPolicy"/>) mixed with the
/// exploration floor η the service adds, π'(a) = (1 − η)·π(a) + η/n over the n allowed actions — the distribution
/// <c>LearnedPlacementPolicy</c> draws from (Decision:LearnedExplorationFloor). Evaluating π without the floor would
/// estimate a policy that never runs.
/// </summary>
public sealed class ServingTargetPolicy(LearnedTargetPolicy policy, double explorationFloor) : ITargetPolicy
{
    public string Name => policy.Name;

    public void ActionProbabilities(LoggedDecision decision, Span<double> probabilities)
    {
        policy.ActionProbabilities(decision, probabilities);
        var allowed = decision.ActionMask.Count(m => m);
        for (var a = 0; a < probabilities.Length; a++)
        {
            probabilities[a] = decision.ActionMask[a] ? ((1 - explorationFloor) * probabilities[a]) + (explorationFloor / allowed) : 0;
        }
    }

    /// <summary>Why a bundle's spec cannot be evaluated on the log, or null when it can.</summary>
    /// <remarks>
    /// Relative draft actions and the planner prior both depend on the request's <c>EdgeCloudDecision</c> (its
    /// throughput-optimal draft length and per-action expectations), which the decision log does not hold: only the
    /// observation and the absolute mask are stored. Such a bundle's probabilities over the logged actions cannot be
    /// recomputed, so it is refused rather than evaluated as a different policy.
    /// </remarks>
    public static string? Unsupported(Offloading.EdgeCloud.Problem.EdgeCloudPolicySpec spec, Policy policy)
    {
        if (spec.DraftActions != Offloading.EdgeCloud.Problem.DraftLengthActions.Absolute)
        {
            return $"its speculative actions name the draft length {spec.DraftActions}, which needs the request's planner decision; the log holds only the observation and the absolute mask, so off-policy evaluation cannot recompute its probabilities";
        }

        if (spec.PlannerPriorSharpness is not null)
        {
            return "it adds the planner prior to its logits, which depends on the request's planner decision the log does not hold, so off-policy evaluation cannot recompute its probabilities";
        }

        return policy.Head == PolicyHead.Categorical ? null : $"its head is {policy.Head}; the serving distribution needs a {PolicyHead.Categorical} head";
    }
}
