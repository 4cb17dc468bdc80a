using Controller.Learning.Algorithms;
using Controller.Learning.Buffers;
using Controller.Learning.Distributions;
using Controller.Learning.Nn;
using Controller.Learning.Optim;
using Controller.Learning.Tests.Support;

namespace Controller.Learning.Tests.Reference;

/// <summary>
/// Our float32 kernels against PyTorch's float64 results on identical float32 inputs (fixtures from
/// tests/reference/generate_fixtures.py), within <see cref="Tolerance"/>.
/// </summary>
public sealed class PyTorchReferenceTests
{
    [Theory]
    [InlineData("mlp_tanh.json", Activation.Tanh)]
    [InlineData("mlp_relu.json", Activation.Relu)]
    public void Mlp_FixedWeightsAndInputs_MatchesPyTorchForwardAndGradients(string file, Activation activation)
    {
        var f = Fixture.Load(file);
        var batch = f.Int("batch");
        var mlp = Mlp.CreateZeroed("net", f.Int("inputSize"), [8, 8], f.Int("outputSize"), activation);
        f.LoadParameters(mlp.Parameters);

        var output = mlp.Forward(f.Floats("input"), batch).ToArray();
        var inputGrad = new float[batch * mlp.InputSize];
        mlp.Backward(f.Floats("outputGrad"), inputGrad);

        Tolerance.AssertClose(f.Doubles("output"), output, "output");
        Tolerance.AssertClose(f.Doubles("inputGrad"), inputGrad, "input gradient");
        f.AssertParameterGrads(mlp.Parameters);
    }

    [Fact]
    public void MaskedCategorical_FixedLogits_MatchesPyTorchLogProbEntropyAndGradient()
    {
        var f = Fixture.Load("masked_categorical.json");
        var (batch, a) = (f.Int("batch"), f.Int("actions"));
        var logits = f.Floats("logits");
        var mask = f.Bools("mask");
        var actions = f.Ints("sampleActions");
        var wLogp = f.Floats("logProbWeights");
        var wEnt = f.Floats("entropyWeights");
        var expectedLogProbs = f.Root.GetProperty("logProbs").EnumerateArray().ToArray();
        var grad = new float[batch * a];
        var logProbs = new float[a];
        for (var b = 0; b < batch; b++)
        {
            var m = mask.AsSpan(b * a, a);
            MaskedCategorical.LogProbabilities(logits.AsSpan(b * a, a), m, logProbs);
            for (var i = 0; i < a; i++)
            {
                var expected = expectedLogProbs[(b * a) + i];
                if (expected.ValueKind == System.Text.Json.JsonValueKind.Null)
                {
                    Assert.True(float.IsNegativeInfinity(logProbs[i]), $"masked log-prob [{b},{i}] should be −∞, got {logProbs[i]}");
                }
                else
                {
                    Tolerance.AssertClose(expected.GetDouble(), logProbs[i], $"log-prob [{b},{i}]");
                }
            }

            Tolerance.AssertClose(f.Doubles("entropy")[b], MaskedCategorical.Entropy(logProbs, m), $"entropy [{b}]");
            Tolerance.AssertClose(f.Doubles("actionLogProbs")[b], logProbs[actions[b]], $"action log-prob [{b}]");
            MaskedCategorical.AccumulateLogProbGradient(logProbs, m, actions[b], wLogp[b], grad.AsSpan(b * a, a));
            MaskedCategorical.AccumulateEntropyGradient(logProbs, m, wEnt[b], grad.AsSpan(b * a, a));
        }

        Tolerance.AssertClose(f.Doubles("logitGrad"), grad, "logit gradient");
    }

    [Fact]
    public void PpoLoss_FixedBatch_MatchesPyTorchLossAndParameterGradients() => AssertPpoLossMatches("ppo_loss.json", statePrior: false);

    [Fact]
    public void PpoLoss_WithStateLogPrior_MatchesPyTorchLossAndParameterGradients() => AssertPpoLossMatches("ppo_prior_loss.json", statePrior: true);

    [Fact]
    public void PpoLoss_TwoConstraints_MatchesPyTorchLossAndParameterGradients() => AssertPpoLossMatches("ppo_two_constraints_loss.json", statePrior: false);

    [Theory]
    [InlineData("a2c_loss.json")]
    [InlineData("a2c_two_constraints_loss.json")]
    public void A2cLoss_FixedBatch_MatchesPyTorchLossAndParameterGradients(string file)
    {
        var f = Fixture.Load(file);
        var hpJson = f.Root.GetProperty("hyperparameters");
        var hp = new A2cHyperparameters(
            EntropyCoefficient: hpJson.GetProperty("entropyCoefficient").GetDouble(),
            ValueCoefficient: hpJson.GetProperty("valueCoefficient").GetDouble(),
            NormalizeAdvantage: hpJson.GetProperty("normalizeAdvantage").GetBoolean());
        var (model, batch, lambdas, scratch) = LoadActorCriticCase(f);

        var stats = A2c.ComputeLossAndGradients(model, hp, batch, lambdas, scratch[0], scratch[1], scratch[2], scratch[3], scratch[4]);

        Tolerance.AssertClose(f.Double("policyLoss"), stats.PolicyLoss, "policy loss");
        Tolerance.AssertClose(f.Double("valueLoss"), stats.ValueLoss, "value loss");
        Tolerance.AssertClose(f.Double("costValueLoss"), stats.CostValueLoss, "cost value loss");
        Tolerance.AssertClose(f.Double("loss"), stats.TotalLoss, "total loss");
        f.AssertParameterGrads(model.Parameters);
    }

    [Fact]
    public void RolloutAdvantages_TerminationAndTruncationMidRolloutTwoCosts_MatchPyTorchMatrixForm()
    {
        var f = Fixture.Load("gae.json");
        var (steps, envs, gamma, lambda) = (f.Int("steps"), f.Int("envs"), f.Double("gamma"), f.Double("lambda"));
        var (terminated, truncated) = (f.Bools("terminated"), f.Bools("truncated"));
        var costs = f.Root.GetProperty("costs").EnumerateArray().ToArray();
        var buffer = new RolloutBuffer(steps, envs, observationSize: 1, actionCount: 1, constraintCount: costs.Length);
        float[] Fill(System.Text.Json.JsonElement channel, float[] rewards, float[] values)
        {
            var (bootstrapped, dones) = CollectedRollout.Bootstrap(
                Floats(channel, "rewards"), terminated, truncated, Floats(channel, "terminalValues"), gamma);
            bootstrapped.CopyTo(rewards, 0);
            Floats(channel, "values").CopyTo(values, 0);
            dones.CopyTo(buffer.Dones, 0);
            return Floats(channel, "lastValues");
        }

        var reward = f.Root.GetProperty("reward");
        var lastValues = Fill(reward, buffer.Rewards, buffer.Values);
        var lastCostValues = costs.Select((c, k) => Fill(c, buffer.Costs[k], buffer.CostValues[k])).ToArray();

        buffer.ComputeAdvantages(lastValues, lastCostValues, gamma, lambda);

        Tolerance.AssertClose(Fixture.Doubles(reward.GetProperty("advantages")), buffer.Advantages, "advantages");
        Tolerance.AssertClose(Fixture.Doubles(reward.GetProperty("returns")), buffer.Returns, "returns");
        for (var k = 0; k < costs.Length; k++)
        {
            Tolerance.AssertClose(Fixture.Doubles(costs[k].GetProperty("advantages")), buffer.CostAdvantages[k], $"cost {k} advantages");
            Tolerance.AssertClose(Fixture.Doubles(costs[k].GetProperty("returns")), buffer.CostReturns[k], $"cost {k} returns");
        }
    }

    [Fact]
    public void Adam_ThreeSteps_MatchesTorchOptimAdam()
    {
        var f = Fixture.Load("adam.json");
        var s = f.Root.GetProperty("settings");
        var (w, b) = LoadOptimizerParameters(f);
        var adam = new Adam([w, b], s.GetProperty("learningRate").GetDouble(), s.GetProperty("beta1").GetDouble(), s.GetProperty("beta2").GetDouble(), s.GetProperty("epsilon").GetDouble());

        RunOptimizer(f, adam, w, b);

        Tolerance.AssertClose(Fixture.Doubles(f.Root.GetProperty("final").GetProperty("w")), w.Value, "w");
        Tolerance.AssertClose(Fixture.Doubles(f.Root.GetProperty("final").GetProperty("b")), b.Value, "b");
    }

    [Fact]
    public void RmsProp_ThreeSteps_MatchesTorchOptimRmsProp()
    {
        var f = Fixture.Load("rmsprop.json");
        var s = f.Root.GetProperty("settings");
        var (w, b) = LoadOptimizerParameters(f);
        var rms = new RmsProp([w, b], s.GetProperty("learningRate").GetDouble(), s.GetProperty("alpha").GetDouble(), s.GetProperty("epsilon").GetDouble());

        RunOptimizer(f, rms, w, b);

        Tolerance.AssertClose(Fixture.Doubles(f.Root.GetProperty("final").GetProperty("w")), w.Value, "w");
        Tolerance.AssertClose(Fixture.Doubles(f.Root.GetProperty("final").GetProperty("b")), b.Value, "b");
    }

    /// <summary>PPO's loss on a fixture's batch against PyTorch's: every loss term and every parameter gradient.</summary>
    private static void AssertPpoLossMatches(string file, bool statePrior)
    {
        var f = Fixture.Load(file);
        var hpJson = f.Root.GetProperty("hyperparameters");
        var hp = new PpoHyperparameters(
            ClipRange: hpJson.GetProperty("clipRange").GetDouble(),
            EntropyCoefficient: hpJson.GetProperty("entropyCoefficient").GetDouble(),
            ValueCoefficient: hpJson.GetProperty("valueCoefficient").GetDouble(),
            NormalizeAdvantage: hpJson.GetProperty("normalizeAdvantage").GetBoolean());
        var (model, batch, lambdas, scratch) = LoadActorCriticCase(f, statePrior);

        var stats = Ppo.ComputeLossAndGradients(model, hp, batch, lambdas, scratch[0], scratch[1], scratch[2], scratch[3], scratch[4]);

        Tolerance.AssertClose(f.Double("policyLoss"), stats.PolicyLoss, "policy loss");
        Tolerance.AssertClose(f.Double("valueLoss"), stats.ValueLoss, "value loss");
        Tolerance.AssertClose(f.Double("costValueLoss"), stats.CostValueLoss, "cost value loss");
        Tolerance.AssertClose(f.Double("entropyLoss"), stats.EntropyLoss, "entropy loss");
        Tolerance.AssertClose(f.Double("loss"), stats.TotalLoss, "total loss");
        f.AssertParameterGrads(model.Parameters);
    }

    private static (ActorCritic Model, Minibatch Batch, double[] Lambdas, float[][] Scratch) LoadActorCriticCase(Fixture f, bool statePrior = false)
    {
        var (n, c) = (f.Int("batch"), f.Int("constraints"));
        var model = f.ActorCritic();
        model.ZeroGrad();
        var batch = f.Minibatch(statePrior);
        float[][] scratch = [new float[n], new float[n], new float[n], new float[n], new float[n * c]];
        return (model, batch, f.Doubles("lambdas"), scratch);
    }

    private static float[] Floats(System.Text.Json.JsonElement element, string name) =>
        Fixture.Doubles(element.GetProperty(name)).Select(v => (float)v).ToArray();

    private static (Parameter W, Parameter B) LoadOptimizerParameters(Fixture f)
    {
        var initial = f.Root.GetProperty("initial");
        var w = new Parameter("w", 3, 2);
        var b = new Parameter("b", 3);
        Fixture.Doubles(initial.GetProperty("w").GetProperty("data")).Select(v => (float)v).ToArray().CopyTo(w.Value, 0);
        Fixture.Doubles(initial.GetProperty("b").GetProperty("data")).Select(v => (float)v).ToArray().CopyTo(b.Value, 0);
        return (w, b);
    }

    private static void RunOptimizer(Fixture f, IOptimizer optimizer, Parameter w, Parameter b)
    {
        foreach (var step in f.Root.GetProperty("gradients").EnumerateArray())
        {
            Fixture.Doubles(step.GetProperty("w")).Select(v => (float)v).ToArray().CopyTo(w.Grad, 0);
            Fixture.Doubles(step.GetProperty("b")).Select(v => (float)v).ToArray().CopyTo(b.Grad, 0);
            optimizer.Step();
        }
    }
}
