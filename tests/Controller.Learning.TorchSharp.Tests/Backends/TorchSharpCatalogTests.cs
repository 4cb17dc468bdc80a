using Controller.Learning.Algorithms;
using Controller.Learning.Constraints;
using Controller.Learning.Policies;
using Controller.Learning.Tests.KnownAnswer;

namespace Controller.Learning.TorchSharp.Tests.Backends;

/// <summary>The catalog's torchsharp entries build every learner on TorchSharp, and their bundles serve like the managed ones.</summary>
public sealed class TorchSharpCatalogTests
{
    [Theory]
    [InlineData("rc-ppo")]
    [InlineData("rc-a2c")]
    [InlineData("rc-dqn")]
    [InlineData("ppo")]
    [InlineData("a2c")]
    [InlineData("dqn")]
    public void Create_TorchSharpBackend_TrainsAndItsBundleServesTheSameDecisions(string name)
    {
        LearnerCatalog.RegisterBackend(TorchSharpFixture.Backend);
        var kind = LearnerKind.Parse(name);
        var constraints = kind.Constrained ? new ConstraintSettings([new ConstraintBudget("spend", Problems.ConstrainedBudget)]) : ConstraintSettings.None;
        var setup = new TrainingSetup([Problems.ConstrainedBandit()], 5) { Constraints = constraints };
        var hp = new LearnerHyperparameters(Ppo: new PpoHyperparameters(StepsPerRollout: 64), A2c: new A2cHyperparameters());

        var learner = LearnerCatalog.Create(kind, setup, 640, hp, LearnerCatalog.TorchSharpBackendName);
        var summary = learner.Learn(640);
        var bundle = PolicyBundle.From(learner, "torchsharp-" + name, "v1", summary, setup.Seed);
        using var manifest = new MemoryStream();
        using var weights = new MemoryStream();
        PolicyBundleSerializer.Write(bundle, manifest, weights);
        manifest.Position = weights.Position = 0;
        var loaded = PolicyBundleSerializer.Read(manifest, weights, "memory", setup.Environments[0].Spec);

        Assert.Equal(kind.Label, learner.Name);
        Assert.Equal(kind.Label, loaded.Manifest.Algorithm);
        var exported = learner.ExportPolicy();
        var observation = new float[] { 1f };
        var mask = new[] { true, true, true };
        var expected = new float[3];
        var actual = new float[3];
        exported.ActionProbabilities(observation, mask, expected);
        loaded.Policy.ActionProbabilities(observation, mask, actual);
        Assert.Equal(expected, actual);
    }
}
