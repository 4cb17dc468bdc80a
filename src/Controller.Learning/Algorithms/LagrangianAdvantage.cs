using Controller.Learning.Buffers;

namespace Controller.Learning.Algorithms;

/// <summary>Advantage of the Lagrangian <c>J_r − Σ λ_k (J_ck − d_k)</c>, as PPO-Lag and A2C-Lag use it.</summary>
public static class LagrangianAdvantage
{
    /// <summary>
    /// <c>Â_b = (A_b − Σ_k λ_k·A^c_{b,k}) / (1 + Σ_k λ_k)</c> (OmniSafe's rescaling keeps the step size bounded as λ grows),
    /// then standardised over the batch (unbiased std + 1e-8, SB3's form) when <paramref name="normalize"/> and size &gt; 1.
    /// </summary>
    public static void Compute(Minibatch batch, ReadOnlySpan<double> lambdas, bool normalize, Span<float> advantages)
    {
        var n = batch.Size;
        var c = batch.ConstraintCount;
        if (lambdas.Length != c)
        {
            throw new ArgumentException($"{lambdas.Length} multipliers for {c} constraints.", nameof(lambdas));
        }

        double lambdaSum = 0;
        foreach (var l in lambdas)
        {
            lambdaSum += l;
        }

        for (var b = 0; b < n; b++)
        {
            double combined = batch.Advantages[b];
            for (var k = 0; k < c; k++)
            {
                combined -= lambdas[k] * batch.CostAdvantages[(b * c) + k];
            }

            advantages[b] = (float)(combined / (1 + lambdaSum));
        }

        if (normalize && n > 1)
        {
            Standardize(advantages[..n]);
        }
    }

    /// <summary><c>x ← (x − mean) / (std + 1e-8)</c> with the unbiased (n − 1) standard deviation, like <c>torch.std</c>.</summary>
    public static void Standardize(Span<float> values)
    {
        double mean = 0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        var std = Math.Sqrt(squares / (values.Length - 1));
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((values[i] - mean) / (std + 1e-8));
        }
    }
}
