using System.Text.Json.Nodes;
using Controller.Learning.Algorithms;
using Controller.Learning.Constraints;
using Controller.Learning.Environments;
using Controller.Learning.Policies;
using Controller.Learning.Tests.KnownAnswer;

namespace Controller.Learning.Tests.Policies;

public sealed class PolicyBundleTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "learning-bundles-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void SaveLoad_TrainedRcPpo_GivesIdenticalDecisionsAndManifest()
    {
        var (bundle, _) = TrainedBundle();

        var directory = PolicyBundleStore.Save(_root, bundle);
        var loaded = PolicyBundleStore.Load(directory, new EnvironmentSpec(1, 3, ["spend"]));

        Assert.Equal(Path.Combine(_root, "bandit", "v1"), directory);
        Assert.Equal("RC-PPO", loaded.Manifest.Algorithm);
        Assert.Equal(0.3, loaded.Manifest.Constraints.Single().Budget);
        Assert.Equal(bundle.Manifest.Constraints.Single().FinalMultiplier, loaded.Manifest.Constraints.Single().FinalMultiplier);
        Assert.Equal(64, loaded.Manifest.Hyperparameters["stepsPerRollout"].GetInt32());
        Assert.Equal("toy-bandit", loaded.Manifest.DatasetId);
        Assert.Equal(5, loaded.Manifest.Seed);
        Assert.True(loaded.Manifest.Metrics.ContainsKey("rollout/episode_reward"));
        var random = new Random(3);
        var expected = new float[3];
        var actual = new float[3];
        for (var i = 0; i < 50; i++)
        {
            float[] observation = [(float)random.NextDouble() * 2];
            bool[] mask = [random.NextDouble() < 0.7, true, random.NextDouble() < 0.7];
            var u = random.NextDouble();
            Assert.Equal(bundle.Policy.Act(observation, mask, u), loaded.Policy.Act(observation, mask, u));
            bundle.Policy.ActionProbabilities(observation, mask, expected);
            loaded.Policy.ActionProbabilities(observation, mask, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Save_WeightsFile_IsSafetensorsLayoutWithTorchNames()
    {
        var (bundle, _) = TrainedBundle();
        var directory = PolicyBundleStore.Save(_root, bundle);
        var bytes = File.ReadAllBytes(Path.Combine(directory, "weights.safetensors"));

        var headerLength = (int)BitConverter.ToUInt64(bytes, 0);
        var header = JsonNode.Parse(bytes.AsSpan(8, headerLength))!.AsObject();

        Assert.Equal(0, (8 + headerLength) % 8);
        Assert.Equal("F32", header["pi.0.weight"]!["dtype"]!.GetValue<string>());
        Assert.Equal([64, 1], header["pi.0.weight"]!["shape"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.NotNull(header["pi.4.bias"]);
        Assert.Equal("pt", header["__metadata__"]!["format"]!.GetValue<string>());
        var end = header.Where(kv => kv.Key != "__metadata__").Max(kv => kv.Value!["data_offsets"]![1]!.GetValue<long>());
        Assert.Equal(bytes.Length - 8 - headerLength, end);
        var w = header["pi.0.weight"]!["data_offsets"]![0]!.GetValue<int>();
        Assert.Equal(bundle.Policy.Network.Parameters[0].Value[0], BitConverter.ToSingle(bytes, 8 + headerLength + w));
    }

    [Fact]
    public void Load_CorruptedWeights_RefusedNamingHashMismatch()
    {
        var directory = PolicyBundleStore.Save(_root, TrainedBundle().Bundle);
        var path = Path.Combine(directory, "weights.safetensors");
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<PolicyBundleException>(() => PolicyBundleStore.Load(directory));

        Assert.Contains("weightsSha256", ex.Message);
        Assert.Contains(directory, ex.Message);
    }

    [Fact]
    public void Load_UnknownFormatVersion_RefusedNamingVersion()
    {
        var directory = PolicyBundleStore.Save(_root, TrainedBundle().Bundle);
        EditManifest(directory, m => m["formatVersion"] = 2);

        var ex = Assert.Throws<PolicyBundleException>(() => PolicyBundleStore.Load(directory));

        Assert.Contains("formatVersion is 2", ex.Message);
    }

    [Fact]
    public void Load_EnvironmentWithOtherActionCount_RefusedNamingBothCounts()
    {
        var directory = PolicyBundleStore.Save(_root, TrainedBundle().Bundle);

        var ex = Assert.Throws<PolicyBundleException>(() => PolicyBundleStore.Load(directory, new EnvironmentSpec(1, 9, ["spend"])));

        Assert.Contains("3 actions", ex.Message);
        Assert.Contains("has 9", ex.Message);
    }

    [Fact]
    public void Load_OtherFeatureNames_RefusedNamingFeatures()
    {
        var directory = PolicyBundleStore.Save(_root, TrainedBundle().Bundle);

        var ex = Assert.Throws<PolicyBundleException>(() => PolicyBundleStore.Load(directory, expectedFeatureNames: ["latency_budget_s"]));

        Assert.Contains("featureNames", ex.Message);
        Assert.Contains("spend_level", ex.Message);
    }

    [Fact]
    public void Load_ManifestNetworkDisagreesWithTensors_RefusedNamingTensor()
    {
        var directory = PolicyBundleStore.Save(_root, TrainedBundle().Bundle);
        EditManifest(directory, m => m["network"]!["hiddenSizes"] = new JsonArray(32, 64));

        var ex = Assert.Throws<PolicyBundleException>(() => PolicyBundleStore.Load(directory));

        Assert.Contains("pi.0.weight", ex.Message);
        Assert.Contains("[64, 1]", ex.Message);
    }

    [Fact]
    public void Load_TruncatedManifest_RefusedAsInvalidJson()
    {
        var directory = PolicyBundleStore.Save(_root, TrainedBundle().Bundle);
        var path = Path.Combine(directory, "manifest.json");
        File.WriteAllText(path, File.ReadAllText(path)[..40]);

        var ex = Assert.Throws<PolicyBundleException>(() => PolicyBundleStore.Load(directory));

        Assert.Contains("manifest.json is not valid JSON", ex.Message);
    }

    [Fact]
    public void Save_ExistingVersion_RefusedAsImmutable()
    {
        var bundle = TrainedBundle().Bundle;
        PolicyBundleStore.Save(_root, bundle);

        var ex = Assert.Throws<PolicyBundleException>(() => PolicyBundleStore.Save(_root, bundle));

        Assert.Contains("already exists", ex.Message);
    }

    [Fact]
    public void SafeTensorsRead_DataShorterThanHeaderSays_RefusedNamingTensor()
    {
        using var stream = new MemoryStream();
        SafeTensors.Write(stream, [new NamedTensor("a", [2, 2], [1, 2, 3, 4])]);
        var truncated = stream.ToArray()[..^4];

        var ex = Assert.Throws<InvalidDataException>(() => SafeTensors.Read(new MemoryStream(truncated)));

        Assert.Contains("'a'", ex.Message);
    }

    private static (PolicyBundle Bundle, Ppo Learner) TrainedBundle()
    {
        var setup = new TrainingSetup([Problems.ConstrainedBandit()], 5)
        {
            Constraints = new ConstraintSettings([new ConstraintBudget("spend", 0.3)]),
            Observation = new ObservationSpec(["spend_level"], [0.5f], [2f]),
            Actions = new ActionSpec(["premium", "standard", "free"]),
        };
        var ppo = new Ppo(setup, new PpoHyperparameters(StepsPerRollout: 64, Epochs: 2));
        var summary = ppo.Learn(128);
        return (PolicyBundle.From(ppo, "bandit", "v1", summary, setup.Seed, "toy-bandit"), ppo);
    }

    private static void EditManifest(string directory, Action<JsonObject> edit)
    {
        var path = Path.Combine(directory, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }
}
