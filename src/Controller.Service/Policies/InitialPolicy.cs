using Controller.Learning.Policies;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Service.Options;

namespace Controller.Service.Policies;

/// <summary>The policy the service starts with, as <see cref="DecisionOptions.Policy"/> names it.</summary>
public static class InitialPolicy
{
    /// <summary>The rule baseline's name.</summary>
    public const string Baseline = "baseline-greedy";

    /// <summary>The name of the shipped default policy.</summary>
    public const string Default = "default";

    /// <summary>Where the shipped bundle lands beside the executable (copied by the Controller.Service project).</summary>
    public static string DefaultBundleDirectory => Path.Combine(AppContext.BaseDirectory, "policies", "edge-cloud-rc-ppo-800", "seed-0");

    /// <exception cref="InvalidOperationException">The bundle is missing, corrupt or cannot serve here; the message names Decision:Policy and the reason.</exception>
    public static IPlacementPolicy Create(DecisionOptions options, IPolicyBundleLoader loader)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loader);
        if (string.Equals(options.Policy, Baseline, StringComparison.OrdinalIgnoreCase))
        {
            return new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = options.Epsilon });
        }

        var directory = BundleDirectory(options);
        try
        {
            return loader.Load(PolicyBundleStore.Load(directory));
        }
        catch (Exception ex) when (ex is PolicyBundleException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"Decision:Policy '{options.Policy}': cannot load the policy bundle in {directory}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The edge–cloud problem a decision's observation and mask are logged under when the policy that made it built none
    /// (the baseline's decisions, a learned policy's fallbacks): the configured bundle's problem when
    /// <see cref="DecisionOptions.Policy"/> names a bundle directory, else the shipped default policy's. Read from the
    /// bundle's manifest exactly as <see cref="LearnedPolicyLoader"/> reads it (<see cref="EdgeCloudPolicySpec.FromManifest"/>);
    /// null, with the reason, when that bundle cannot be read or describes no edge–cloud problem.
    /// </summary>
    public static EdgeCloudServingProblem? ObservationProblem(DecisionOptions options, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = BundleDirectory(options);
        try
        {
            var spec = EdgeCloudPolicySpec.FromManifest(PolicyBundleStore.Load(directory).Manifest.Problem, out reason);
            return spec?.Problem;
        }
        catch (Exception ex) when (ex is PolicyBundleException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            reason = $"cannot read the policy bundle in {directory}: {ex.Message}";
            return null;
        }
    }

    /// <summary>The bundle directory <see cref="DecisionOptions.Policy"/> names: the shipped default's for "default" and for the baseline.</summary>
    private static string BundleDirectory(DecisionOptions options) =>
        string.Equals(options.Policy, Default, StringComparison.OrdinalIgnoreCase) || string.Equals(options.Policy, Baseline, StringComparison.OrdinalIgnoreCase)
            ? DefaultBundleDirectory
            : options.Policy;
}
