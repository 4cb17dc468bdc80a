using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>Cloud-only (every present modality uploaded; local on a down link) or local-only.</summary>
public sealed class FixedLocationPolicy(bool cloud) : IEdgeCloudPolicy
{
    public string Name => cloud ? "Cloud only" : "Local only";

    public void BeginWindow(EdgeCloudEnvironment environment)
    {
    }

    public int ChooseAction(EdgeCloudEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var decision = environment.Decision;
        var wanted = cloud && decision.Channel.IsUp ? decision.CloudAllPresent : 0;
        var chosen = RulePolicy.Cheapest(environment, mask, wanted);
        LastChoiceWasFallback = chosen != wanted;
        return chosen;
    }

    /// <inheritdoc />
    public bool LastChoiceWasFallback { get; private set; }

    public void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
    }
}
