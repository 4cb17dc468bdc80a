using Controller.Learning.Policies;
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

        var directory = string.Equals(options.Policy, Default, StringComparison.OrdinalIgnoreCase) ? DefaultBundleDirectory : options.Policy;
        try
        {
            return loader.Load(PolicyBundleStore.Load(directory));
        }
        catch (Exception ex) when (ex is PolicyBundleException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"Decision:Policy '{options.Policy}': cannot load the policy bundle in {directory}: {ex.Message}", ex);
        }
    }
}
