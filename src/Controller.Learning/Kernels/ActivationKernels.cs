using System.Numerics.Tensors;

namespace Controller.Learning.Kernels;

/// <summary>Element-wise activations and their backward passes, written in terms of the activation's output.</summary>
public static class ActivationKernels
{
    /// <summary><c>y = tanh(x)</c>.</summary>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Tanh(x, y);

    /// <summary><c>dx = dy·(1 − y²)</c> where <c>y = tanh(x)</c>. <paramref name="dx"/> may alias <paramref name="dy"/>.</summary>
    public static void TanhBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (var i = 0; i < y.Length; i++)
        {
            dx[i] = dy[i] * (1f - (y[i] * y[i]));
        }
    }

    /// <summary><c>y = max(x, 0)</c>.</summary>
    public static void Relu(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, y);

    /// <summary><c>dx = dy·[y &gt; 0]</c> where <c>y = relu(x)</c> (PyTorch's subgradient 0 at 0). <paramref name="dx"/> may alias <paramref name="dy"/>.</summary>
    public static void ReluBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (var i = 0; i < y.Length; i++)
        {
            dx[i] = y[i] > 0f ? dy[i] : 0f;
        }
    }
}
