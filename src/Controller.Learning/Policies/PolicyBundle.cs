using System.Text.Json;
using Controller.Learning.Algorithms;
using Controller.Learning.Constraints;

namespace Controller.Learning.Policies;

/// <summary>A policy with its manifest: what is saved to and loaded from <c>policies/&lt;name&gt;/&lt;version&gt;/</c>.</summary>
public sealed record PolicyBundle(PolicyManifest Manifest, Policy Policy)
{
    /// <summary>Bundles a trained policy with its provenance.</summary>
    public static PolicyBundle Create<THyperparameters>(
        string name, string version, string algorithm, THyperparameters hyperparameters, Policy policy,
        TrainingSummary summary, LagrangeMultipliers multipliers, int seed, string? datasetId, TimeProvider? clock = null)
        where THyperparameters : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var hyper = JsonSerializer.SerializeToElement(hyperparameters, PolicyBundleSerializer.JsonOptions);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["time/total_timesteps"] = summary.Timesteps,
            ["rollout/episodes"] = summary.Episodes,
        };
        if (double.IsFinite(summary.MeanEpisodeReturn))
        {
            metrics["rollout/episode_reward"] = summary.MeanEpisodeReturn;
        }

        foreach (var (cost, value) in summary.MeanEpisodeCosts.Where(kv => double.IsFinite(kv.Value)))
        {
            metrics[$"rollout/episode_{cost}"] = value;
        }

        var manifest = new PolicyManifest
        {
            Name = name,
            Version = version,
            Algorithm = algorithm,
            Hyperparameters = hyper.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal),
            Observation = policy.Observation,
            Actions = policy.Actions,
            Network = new NetworkSpec(policy.Head, policy.Network.Name, policy.Network.HiddenSizes, policy.Network.Activation),
            Constraints = multipliers.Budgets.Select((b, k) => new ConstraintRecord(b.CostName, b.Budget, multipliers.Values[k])).ToArray(),
            DatasetId = datasetId,
            Seed = seed,
            Metrics = metrics,
            CreatedUtc = (clock ?? TimeProvider.System).GetUtcNow(),
        };
        return new PolicyBundle(manifest, policy);
    }

    /// <summary>Bundles a learner's current policy under its label (<see cref="ILearner.Name"/>) and hyperparameters.</summary>
    public static PolicyBundle From(ILearner learner, string name, string version, TrainingSummary summary, int seed, string? datasetId = null)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return Create(name, version, learner.Name, learner.Hyperparameters, learner.ExportPolicy(), summary, learner.Multipliers, seed, datasetId);
    }
}
