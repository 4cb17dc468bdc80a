using Controller.Learning.Buffers;
using Controller.Learning.Losses;

namespace Controller.Learning.Algorithms;

/// <summary>Value and cost-value regression terms shared by PPO and A2C.</summary>
internal static class CriticLoss
{
    /// <summary>
    /// Writes <c>∂/∂V</c> of <c>vf_coef·MSE(V, R)</c> and of <c>vf_coef·Σ_k MSE(V^c_k, R^c_k)</c> (each MSE a mean over the batch);
    /// returns the two unweighted losses.
    /// </summary>
    public static (double Value, double CostValue) Compute(
        ActorCritic model, Minibatch batch, double valueCoefficient, Span<float> valueGrad, Span<float> costValueGrad)
    {
        var n = batch.Size;
        var c = batch.ConstraintCount;
        var vf = (float)valueCoefficient;
        var valueLoss = RegressionLosses.MeanSquaredError(model.Values.AsSpan(0, n), batch.Returns.AsSpan(0, n), valueGrad[..n], vf);
        double costLoss = 0;
        for (var k = 0; k < c; k++)
        {
            double sum = 0;
            for (var b = 0; b < n; b++)
            {
                var d = model.CostValues[(b * c) + k] - batch.CostReturns[(b * c) + k];
                sum += d * d;
                costValueGrad[(b * c) + k] = vf * 2f * d / n;
            }

            costLoss += sum / n;
        }

        return (valueLoss, costLoss);
    }
}
