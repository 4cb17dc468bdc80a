using System.Numerics.Tensors;
using Controller.Learning.Nn;

namespace Controller.Learning.Optim;

/// <summary>Global gradient-norm clipping as <c>torch.nn.utils.clip_grad_norm_</c>.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales every gradient by <c>min(1, maxNorm / (‖g‖₂ + 1e-6))</c>, where <c>‖g‖₂</c> is the L2 norm over all
    /// parameters together, and returns <c>‖g‖₂</c> before clipping.
    /// </summary>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> parameters, double maxNorm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxNorm, 0.0);
        double sumSquares = 0;
        foreach (var p in parameters)
        {
            sumSquares += TensorPrimitives.SumOfSquares<float>(p.Grad);
        }

        var norm = Math.Sqrt(sumSquares);
        var coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1.0)
        {
            foreach (var p in parameters)
            {
                TensorPrimitives.Multiply(p.Grad, (float)coefficient, p.Grad);
            }
        }

        return norm;
    }
}
