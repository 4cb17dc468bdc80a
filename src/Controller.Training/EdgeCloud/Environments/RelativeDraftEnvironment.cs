using Controller.Learning.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Environments;

/// <summary>
/// The edge–cloud environment as a learner with <see cref="DraftLengthActions.RelativeToPlanner"/> sees it: the same
/// observations, costs and rewards, but actions and masks in <see cref="RelativeDraftActionSpace"/>. Each step
/// translates the chosen offset to the absolute action for the pending request and steps the inner environment.
/// Its action prior is the inner one's, read through the same translation.
/// </summary>
public sealed class RelativeDraftEnvironment : IEnvironment, IActionPrior
{
    private readonly bool[] _absoluteMask;
    private readonly bool[] _mask;
    private readonly float[] _absolutePrior;

    public RelativeDraftEnvironment(EdgeCloudEnvironment inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        Space = RelativeDraftActionSpace.Get(inner.Space.ModalityCount, inner.Space.MaxDraftLength);
        _absoluteMask = new bool[inner.Spec.ActionCount];
        _absolutePrior = new float[inner.Spec.ActionCount];
        _mask = new bool[Space.Count];
        Spec = inner.Spec with { ActionCount = Space.Count };
    }

    public EnvironmentSpec Spec { get; }

    /// <summary>The environment that simulates the requests.</summary>
    public EdgeCloudEnvironment Inner { get; }

    public RelativeDraftActionSpace Space { get; }

    /// <inheritdoc />
    public void Reset(int? seed, Span<float> observation, Span<bool> actionMask)
    {
        Inner.Reset(seed, observation, _absoluteMask);
        Space.Mask(Inner.Decision, _absoluteMask, actionMask);
        actionMask.CopyTo(_mask);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The action is outside the space or names a draft length outside 1..K here.</exception>
    public StepResult Step(int action, Span<float> observation, Span<bool> actionMask, Span<float> costs)
    {
        var result = Inner.Step(Space.ToAbsolute(Inner.Decision, action), observation, _absoluteMask, costs);
        Space.Mask(Inner.Decision, _absoluteMask, actionMask);
        actionMask.CopyTo(_mask);
        return result;
    }

    /// <inheritdoc />
    public void WriteLogPrior(Span<float> logPrior)
    {
        Inner.WriteLogPrior(_absolutePrior);
        Space.FromAbsoluteValues(Inner.Decision, _mask, _absolutePrior, logPrior);
    }
}
