using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>A policy the edge–cloud evaluation harness (<c>EdgeCloudEvaluator</c>) runs on simulated devices.</summary>
/// <remarks>
/// Baselines and learned policies alike. One instance serves one simulated device; the harness calls
/// <see cref="BeginWindow"/> at the start of each budget window, then alternates <see cref="ChooseAction"/> and
/// <see cref="Observe"/> per request.
/// </remarks>
public interface IEdgeCloudPolicy
{
    /// <summary>Name in result tables.</summary>
    string Name { get; }

    /// <summary>A new budget window starts.</summary>
    void BeginWindow(EdgeCloudEnvironment environment);

    /// <summary>Picks an action the mask allows.</summary>
    int ChooseAction(EdgeCloudEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask);

    /// <summary>
    /// True when the last <see cref="ChooseAction"/> could not take the rule's own action because the mask forbade it
    /// and took a fallback instead (reported as the fallback share; excluded from the chosen-k table). Learned
    /// policies always choose among allowed actions: false.
    /// </summary>
    bool LastChoiceWasFallback => false;

    /// <summary>Feedback for the action just taken (adaptive rules update here).</summary>
    void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome);
}
