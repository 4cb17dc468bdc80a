using Controller.Learning.Algorithms;
using Controller.Learning.Buffers;
using Controller.Learning.Nn;
using Controller.Learning.Tests.Reference;
using Controller.Learning.Tests.Support;
using static TorchSharp.torch;

namespace Controller.Learning.TorchSharp.Tests.Reference;

/// <summary>
/// The TorchSharp backend's float32 losses, gradients and optimiser steps against PyTorch's float64 results on the
/// fixtures the managed core is checked on (tests/reference/generate_fixtures.py), within the same <see cref="Tolerance"/>
/// (1e-5 relative + 1e-6 absolute).
/// </summary>
public sealed class TorchSharpReferenceTests
{
    [Theory]
    [InlineData("ppo_loss.json", false)]
    [InlineData("ppo_prior_loss.json", true)]
    [InlineData("ppo_two_constraints_loss.json", false)]
    public void PpoLoss_FixedBatch_MatchesPyTorchLossAndParameterGradients(string file, bool statePrior)
    {
        _ = TorchSharpFixture.Backend;
        var f = Fixture.Load(file);
        var hpJson = f.Root.GetProperty("hyperparameters");
        var hp = new PpoHyperparameters(
            ClipRange: hpJson.GetProperty("clipRange").GetDouble(),
            EntropyCoefficient: hpJson.GetProperty("entropyCoefficient").GetDouble(),
            ValueCoefficient: hpJson.GetProperty("valueCoefficient").GetDouble(),
            NormalizeAdvantage: hpJson.GetProperty("normalizeAdvantage").GetBoolean());
        var (model, batch, lambdas) = LoadActorCriticCase(f, statePrior);
        var updater = new TorchActorCriticUpdater(model, hp);

        var stats = updater.ComputeLossAndGradients(batch, lambdas);

        Tolerance.AssertClose(f.Double("policyLoss"), stats.PolicyLoss, "policy loss");
        Tolerance.AssertClose(f.Double("valueLoss"), stats.ValueLoss, "value loss");
        Tolerance.AssertClose(f.Double("costValueLoss"), stats.CostValueLoss, "cost value loss");
        Tolerance.AssertClose(f.Double("entropyLoss"), stats.EntropyLoss, "entropy loss");
        Tolerance.AssertClose(f.Double("loss"), stats.TotalLoss, "total loss");
        AssertGradients(f, updater);
    }

    [Theory]
    [InlineData("a2c_loss.json")]
    [InlineData("a2c_two_constraints_loss.json")]
    public void A2cLoss_FixedBatch_MatchesPyTorchLossAndParameterGradients(string file)
    {
        _ = TorchSharpFixture.Backend;
        var f = Fixture.Load(file);
        var hpJson = f.Root.GetProperty("hyperparameters");
        var hp = new A2cHyperparameters(
            EntropyCoefficient: hpJson.GetProperty("entropyCoefficient").GetDouble(),
            ValueCoefficient: hpJson.GetProperty("valueCoefficient").GetDouble(),
            NormalizeAdvantage: hpJson.GetProperty("normalizeAdvantage").GetBoolean());
        var (model, batch, lambdas) = LoadActorCriticCase(f, statePrior: false);
        var updater = new TorchActorCriticUpdater(model, hp);

        var stats = updater.ComputeLossAndGradients(batch, lambdas);

        Tolerance.AssertClose(f.Double("policyLoss"), stats.PolicyLoss, "policy loss");
        Tolerance.AssertClose(f.Double("valueLoss"), stats.ValueLoss, "value loss");
        Tolerance.AssertClose(f.Double("costValueLoss"), stats.CostValueLoss, "cost value loss");
        Tolerance.AssertClose(f.Double("loss"), stats.TotalLoss, "total loss");
        AssertGradients(f, updater);
    }

    [Fact]
    public void Adam_ThreeSteps_MatchesTorchOptimAdam()
    {
        _ = TorchSharpFixture.Backend;
        var f = Fixture.Load("adam.json");
        var s = f.Root.GetProperty("settings");
        Assert.Equal(0.9, s.GetProperty("beta1").GetDouble());
        Assert.Equal(0.999, s.GetProperty("beta2").GetDouble());
        var (w, b) = LoadOptimizerParameters(f);
        using var adam = TorchOptimizers.Adam([w, b], s.GetProperty("learningRate").GetDouble(), s.GetProperty("epsilon").GetDouble());

        RunOptimizer(f, adam, w, b);

        AssertFinal(f, w, b);
    }

    [Fact]
    public void RmsProp_ThreeSteps_MatchesTorchOptimRmsProp()
    {
        _ = TorchSharpFixture.Backend;
        var f = Fixture.Load("rmsprop.json");
        var s = f.Root.GetProperty("settings");
        var (w, b) = LoadOptimizerParameters(f);
        using var rms = TorchOptimizers.RmsProp([w, b], s.GetProperty("learningRate").GetDouble(), s.GetProperty("alpha").GetDouble(), s.GetProperty("epsilon").GetDouble());

        RunOptimizer(f, rms, w, b);

        AssertFinal(f, w, b);
    }

    private static void AssertGradients(Fixture f, TorchActorCriticUpdater updater)
    {
        var expected = f.Root.GetProperty("parameterGrads");
        var count = 0;
        foreach (var (name, parameter) in updater.NamedParameters)
        {
            var grad = parameter.grad ?? throw new InvalidOperationException($"{name} has no gradient after backward");
            Tolerance.AssertClose(Fixture.Doubles(expected.GetProperty(name)), grad.data<float>().ToArray(), $"grad {name}");
            count++;
        }

        Assert.Equal(expected.EnumerateObject().Count(), count);
    }

    private static (ActorCritic Model, Minibatch Batch, double[] Lambdas) LoadActorCriticCase(Fixture f, bool statePrior)
    {
        var model = f.ActorCritic();
        var batch = f.Minibatch(statePrior);
        return (model, batch, f.Doubles("lambdas"));
    }

    private static (global::TorchSharp.Modules.Parameter W, global::TorchSharp.Modules.Parameter B) LoadOptimizerParameters(Fixture f)
    {
        var initial = f.Root.GetProperty("initial");
        var w = new global::TorchSharp.Modules.Parameter(tensor(Floats(initial.GetProperty("w").GetProperty("data")), [3, 2]));
        var b = new global::TorchSharp.Modules.Parameter(tensor(Floats(initial.GetProperty("b").GetProperty("data")), [3]));
        return (w, b);
    }

    // Each fixture step's gradient is given, not computed: the loss Σ g·p has exactly that gradient.
    private static void RunOptimizer(Fixture f, optim.Optimizer optimizer, Tensor w, Tensor b)
    {
        foreach (var step in f.Root.GetProperty("gradients").EnumerateArray())
        {
            optimizer.zero_grad();
            var loss = (w * tensor(Floats(step.GetProperty("w")), [3, 2])).sum() + (b * tensor(Floats(step.GetProperty("b")), [3])).sum();
            loss.backward();
            optimizer.step();
        }
    }

    private static void AssertFinal(Fixture f, Tensor w, Tensor b)
    {
        var final = f.Root.GetProperty("final");
        Tolerance.AssertClose(Fixture.Doubles(final.GetProperty("w")), w.data<float>().ToArray(), "w");
        Tolerance.AssertClose(Fixture.Doubles(final.GetProperty("b")), b.data<float>().ToArray(), "b");
    }

    private static float[] Floats(System.Text.Json.JsonElement element) => Fixture.Doubles(element).Select(v => (float)v).ToArray();
}
