using System.Text.Json;
using Controller.Learning.Nn;
using Controller.Learning.Policies;
using Controller.Offloading.Placement;
using Controller.Service.Policies;

namespace Controller.Testing;

/// <summary>Tiny real bundles (a 3-feature, 4-action MLP written by the real serializer) and a loader that checks them against a fixed spec.</summary>
public static class TestBundles
{
    public static readonly string[] Features = ["uplink_mbps", "rtt_ms", "battery"];

    public const int Actions = 4;

    public static (byte[] Manifest, byte[] Weights) Build(string name, string version, string[]? features = null, int actions = Actions)
    {
        features ??= Features;
        var network = Mlp.Create("pi", features.Length, [4], actions, Activation.Tanh, WeightInit.PolicyHead, new Random(3));
        var policy = new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(features), ActionSpec.Unnamed(actions));
        var manifest = new PolicyManifest
        {
            Name = name,
            Version = version,
            Algorithm = "RC-PPO",
            Hyperparameters = new Dictionary<string, JsonElement>(),
            Observation = policy.Observation,
            Actions = policy.Actions,
            Network = new NetworkSpec(PolicyHead.Categorical, "pi", [4], Activation.Tanh),
        };
        using var manifestStream = new MemoryStream();
        using var weightsStream = new MemoryStream();
        PolicyBundleSerializer.Write(new PolicyBundle(manifest, policy), manifestStream, weightsStream);
        return (manifestStream.ToArray(), weightsStream.ToArray());
    }
}

/// <summary>
/// A small real <see cref="IPolicyBundleLoader"/>: refuses bundles whose features or action count differ from
/// <see cref="TestBundles"/>' spec, and serves a loaded bundle under its manifest's name and version, deciding with the
/// greedy baseline (the learned policy's observation encoder is another branch's work); a version named
/// <c>degraded…</c> gets a greedy rule that weighs only spend and so always runs locally.
/// </summary>
public sealed class SpecCheckingLoader : IPolicyBundleLoader
{
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public string? Incompatibility(PolicyManifest manifest)
    {
        if (!manifest.Observation.FeatureNames.SequenceEqual(TestBundles.Features))
        {
            return $"observation features [{string.Join(", ", manifest.Observation.FeatureNames)}] differ from the service's [{string.Join(", ", TestBundles.Features)}]";
        }

        return manifest.Actions.ActionNames.Count == TestBundles.Actions ? null : $"{manifest.Actions.ActionNames.Count} actions, the service has {TestBundles.Actions}";
    }

    public IPlacementPolicy Load(PolicyBundle bundle)
    {
        Interlocked.Increment(ref _loads);
        var inner = bundle.Manifest.Version.StartsWith("degraded", StringComparison.Ordinal)
            // Deliberately degraded: weighs only cloud spend, so it always takes the one free action, Local, whatever the SLO.
            ? new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0, QualityWeight = 0, AssociationWeight = 0, LatencyWeight = 0, EnergyWeight = 0, CostWeight = 1 })
            : new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0.2 });
        return new NamedPolicy(bundle.Manifest.Name, bundle.Manifest.Version, bundle.Manifest.Algorithm, inner);
    }
}

/// <summary>Decides as <paramref name="inner"/> does, under another name and version.</summary>
public sealed class NamedPolicy(string name, string version, string algorithm, IPlacementPolicy inner) : IPlacementPolicy
{
    public string Name => name;

    public string Version => version;

    public string Algorithm => algorithm;

    public PlacementChoice Decide(PlacementContext context, Random random) => inner.Decide(context, random);
}
