using Controller.Learning.Policies;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Service.Options;
using Microsoft.Extensions.Options;

namespace Controller.Service.Policies;

/// <summary>
/// Loads bundles trained on the edge–cloud problem as <see cref="LearnedPlacementPolicy"/>, with
/// <c>baseline-greedy</c> as their fallback. A bundle serves here only if its manifest describes the edge–cloud problem
/// (<see cref="EdgeCloudPolicySpec.FromManifest"/>), its feature names are the encoder's in order, its head is categorical
/// (the prior and the logged propensities need logits) and its action names are the problem's for its K and draft naming.
/// </summary>
public sealed class LearnedPolicyLoader(IOptions<DecisionOptions> options) : IPolicyBundleLoader
{
    /// <inheritdoc />
    public string? Incompatibility(PolicyManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var spec = EdgeCloudPolicySpec.FromManifest(manifest.Problem, out var reason);
        if (spec is null)
        {
            return reason;
        }

        if (manifest.Network.Head != PolicyHead.Categorical)
        {
            return $"the head is {manifest.Network.Head}; serving samples from logits, so it needs a {PolicyHead.Categorical} head";
        }

        var names = EdgeCloudObservation.Names;
        var features = manifest.Observation.FeatureNames;
        if (!features.SequenceEqual(names))
        {
            var first = Enumerable.Range(0, Math.Min(features.Count, names.Count)).FirstOrDefault(i => features[i] != names[i], Math.Min(features.Count, names.Count));
            return $"observation features differ from this service's encoder ({features.Count} vs {names.Count} features; first difference at {first}: " +
                $"'{(first < features.Count ? features[first] : "(none)")}' vs '{(first < names.Count ? names[first] : "(none)")}')";
        }

        var expected = ActionNames(spec);
        var actions = manifest.Actions.ActionNames;
        return actions.SequenceEqual(expected)
            ? null
            : $"{actions.Count} actions named differently from the problem's {expected.Count} for K = {spec.Problem.MaxDraftLength} and {spec.DraftActions} draft lengths";
    }

    /// <inheritdoc />
    public IPlacementPolicy Load(PolicyBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (Incompatibility(bundle.Manifest) is { } reason)
        {
            throw new PolicyBundleException($"policy {bundle.Manifest.Name}/{bundle.Manifest.Version} cannot serve here: {reason}");
        }

        var spec = EdgeCloudPolicySpec.FromManifest(bundle.Manifest.Problem, out _)!;
        var decision = options.Value;
        return new LearnedPlacementPolicy(bundle.Manifest, bundle.Policy, spec,
            new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = decision.Epsilon }), decision.LearnedExplorationFloor);
    }

    private static List<string> ActionNames(EdgeCloudPolicySpec spec)
    {
        var absolute = CompositeActionSpace.Get(EdgeCloudProblem.ModalitySlots, spec.Problem.MaxDraftLength);
        if (spec.DraftActions == DraftLengthActions.Absolute)
        {
            return [.. Enumerable.Range(0, absolute.Count).Select(a => EdgeCloudActionLabels.Label(absolute, a))];
        }

        var relative = RelativeDraftActionSpace.Get(EdgeCloudProblem.ModalitySlots, spec.Problem.MaxDraftLength);
        return [.. Enumerable.Range(0, relative.Count).Select(relative.Label)];
    }
}
