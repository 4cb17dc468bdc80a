using Controller.Learning.Algorithms;
using Controller.Learning.Buffers;
using Controller.Learning.Distributions;
using Controller.Learning.Losses;
using Controller.Learning.Nn;
using Controller.Learning.Tests.Support;

namespace Controller.Learning.Tests.Nn;

/// <summary>Analytic gradients of every layer and loss against central finite differences.</summary>
public sealed class GradientCheckTests
{
    [Fact]
    public void DenseLayer_RandomWeightsAndBatch_GradientsMatchFiniteDifferences()
    {
        var random = new Random(1);
        var layer = new DenseLayer("d", 4, 3);
        Fill(layer.Weight.Value, random);
        Fill(layer.Bias.Value, random);
        var x = Filled(2 * 4, random);
        var g = Filled(2 * 3, random);
        var dx = new float[x.Length];
        layer.Backward(x, g, dx, 2);

        double Loss()
        {
            var y = new float[6];
            layer.Forward(x, y, 2);
            return Dot(y, g);
        }

        FiniteDifference.Check(layer.Weight.Value, layer.Weight.Grad, Loss, "dW");
        FiniteDifference.Check(layer.Bias.Value, layer.Bias.Grad, Loss, "db");
        FiniteDifference.Check(x, dx, Loss, "dx");
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Relu)]
    public void Mlp_EachActivation_GradientsMatchFiniteDifferences(Activation activation)
    {
        var random = new Random(2);
        var mlp = Mlp.Create("m", 5, [7, 6], 3, activation, WeightInit.ValueHead, random);
        foreach (var p in mlp.Parameters)
        {
            Fill(p.Value, random);
        }

        var x = Filled(3 * 5, random);
        var g = Filled(3 * 3, random);
        var dx = new float[x.Length];
        mlp.Forward(x, 3);
        mlp.Backward(g, dx);

        double Loss() => Dot(mlp.Forward(x, 3), g);

        foreach (var p in mlp.Parameters)
        {
            FiniteDifference.Check(p.Value, p.Grad, Loss, p.Name, h: 1e-3, relative: 5e-3, absolute: 1e-3);
        }

        FiniteDifference.Check(x, dx, Loss, "dx", h: 1e-3, relative: 5e-3, absolute: 1e-3);
    }

    [Fact]
    public void MaskedCategorical_LogProbAndEntropy_GradientsMatchFiniteDifferences()
    {
        var logits = new[] { 0.3f, -1.2f, 2.0f, 0.1f, -0.4f };
        bool[] mask = [true, false, true, true, true];
        var logProbs = new float[5];
        MaskedCategorical.LogProbabilities(logits, mask, logProbs);
        var grad = new float[5];
        MaskedCategorical.AccumulateLogProbGradient(logProbs, mask, 3, 0.7f, grad);
        MaskedCategorical.AccumulateEntropyGradient(logProbs, mask, -1.3f, grad);

        double Loss()
        {
            var lp = new float[5];
            MaskedCategorical.LogProbabilities(logits, mask, lp);
            return (0.7 * lp[3]) - (1.3 * MaskedCategorical.Entropy(lp, mask));
        }

        FiniteDifference.Check(logits, grad, Loss, "dlogits");
        Assert.Equal(0f, grad[1]);
    }

    [Fact]
    public void RegressionLosses_MseAndHuber_GradientsMatchFiniteDifferences()
    {
        var prediction = new[] { 0.5f, -2.0f, 1.7f, 0.05f };
        var target = new[] { 0.2f, 0.5f, 1.6f, -0.1f };
        var mseGrad = new float[4];
        var huberGrad = new float[4];
        RegressionLosses.MeanSquaredError(prediction, target, mseGrad);
        RegressionLosses.Huber(prediction, target, huberGrad);

        FiniteDifference.Check(prediction, mseGrad, () => RegressionLosses.MeanSquaredError(prediction, target, default), "mse", h: 1e-3);
        FiniteDifference.Check(prediction, huberGrad, () => RegressionLosses.Huber(prediction, target, default), "huber", h: 1e-3);
    }

    [Fact]
    public void PpoLoss_RandomBatch_ParameterGradientsMatchFiniteDifferences()
    {
        var (model, batch, lambdas) = RandomCase(3);
        var hp = new PpoHyperparameters(EntropyCoefficient: 0.01);
        float[][] s = [new float[8], new float[8], new float[8], new float[8], new float[8]];
        model.ZeroGrad();
        Ppo.ComputeLossAndGradients(model, hp, batch, lambdas, s[0], s[1], s[2], s[3], s[4]);
        var analytic = model.Parameters.Select(p => p.Grad.ToArray()).ToArray();

        double Loss() => Ppo.ComputeLossAndGradients(model, hp, batch, lambdas, s[0], s[1], s[2], s[3], s[4]).TotalLoss;

        for (var i = 0; i < model.Parameters.Count; i++)
        {
            FiniteDifference.Check(model.Parameters[i].Value, analytic[i], Loss, model.Parameters[i].Name, h: 1e-3, relative: 1e-2, absolute: 1e-3, indices: Sparse(model.Parameters[i].Length));
        }
    }

    [Fact]
    public void A2cLoss_RandomBatch_ParameterGradientsMatchFiniteDifferences()
    {
        var (model, batch, lambdas) = RandomCase(4);
        var hp = new A2cHyperparameters(EntropyCoefficient: 0.01);
        float[][] s = [new float[8], new float[8], new float[8], new float[8], new float[8]];
        model.ZeroGrad();
        A2c.ComputeLossAndGradients(model, hp, batch, lambdas, s[0], s[1], s[2], s[3], s[4]);
        var analytic = model.Parameters.Select(p => p.Grad.ToArray()).ToArray();

        double Loss() => A2c.ComputeLossAndGradients(model, hp, batch, lambdas, s[0], s[1], s[2], s[3], s[4]).TotalLoss;

        for (var i = 0; i < model.Parameters.Count; i++)
        {
            FiniteDifference.Check(model.Parameters[i].Value, analytic[i], Loss, model.Parameters[i].Name, h: 1e-3, relative: 1e-2, absolute: 1e-3, indices: Sparse(model.Parameters[i].Length));
        }
    }

    private static (ActorCritic Model, Minibatch Batch, double[] Lambdas) RandomCase(int seed)
    {
        var random = new Random(seed);
        var model = ActorCritic.Create(3, 4, 1, [6, 6], Activation.Tanh, random);
        foreach (var p in model.Parameters)
        {
            Fill(p.Value, random);
        }

        var batch = new Minibatch(8, 3, 4, 1) { Size = 8 };
        Fill(batch.Observations, random);
        Array.Fill(batch.Masks, true);
        batch.Masks[1] = false;
        for (var b = 0; b < 8; b++)
        {
            batch.Actions[b] = (b * 3) % 4; // sample 0 takes action 0, so masking action 1 there is legal
        }

        Fill(batch.OldLogProbabilities, random);
        for (var b = 0; b < 8; b++)
        {
            batch.OldLogProbabilities[b] = -1.4f + (0.2f * batch.OldLogProbabilities[b]);
        }

        Fill(batch.Advantages, random);
        Fill(batch.Returns, random);
        Fill(batch.CostAdvantages, random);
        Fill(batch.CostReturns, random);
        return (model, batch, [0.4]);
    }

    private static IEnumerable<int> Sparse(int length) => Enumerable.Range(0, length).Where(i => i % 5 == 0);

    private static float[] Filled(int n, Random random)
    {
        var values = new float[n];
        Fill(values, random);
        return values;
    }

    private static void Fill(float[] values, Random random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * (double)b[i];
        }

        return sum;
    }
}
