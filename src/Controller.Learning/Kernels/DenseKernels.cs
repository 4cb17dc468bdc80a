using System.Numerics.Tensors;

namespace Controller.Learning.Kernels;

/// <summary>
/// Span-in, span-out kernels of a fully connected layer. Weights are row-major <c>[outputs, inputs]</c>
/// (PyTorch's <c>nn.Linear</c> layout), batches are row-major <c>[batch, features]</c>.
/// </summary>
public static class DenseKernels
{
    /// <summary><c>y[b, o] = Σᵢ W[o, i]·x[b, i] + bias[o]</c> for every row <c>b</c> of the batch.</summary>
    public static void Forward(
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, ReadOnlySpan<float> input, Span<float> output,
        int inputSize, int outputSize, int batchSize)
    {
        for (var b = 0; b < batchSize; b++)
        {
            var x = input.Slice(b * inputSize, inputSize);
            var y = output.Slice(b * outputSize, outputSize);
            for (var o = 0; o < outputSize; o++)
            {
                y[o] = TensorPrimitives.Dot(weight.Slice(o * inputSize, inputSize), x) + bias[o];
            }
        }
    }

    /// <summary>
    /// Accumulates parameter gradients and writes the input gradient of a dense layer:
    /// <c>dW[o, :] += Σ_b dy[b, o]·x[b, :]</c>, <c>dbias[o] += Σ_b dy[b, o]</c>,
    /// <c>dx[b, :] = Σ_o dy[b, o]·W[o, :]</c>. An empty <paramref name="inputGrad"/> skips the input gradient.
    /// </summary>
    public static void Backward(
        ReadOnlySpan<float> weight, ReadOnlySpan<float> input, ReadOnlySpan<float> outputGrad,
        Span<float> weightGrad, Span<float> biasGrad, Span<float> inputGrad,
        int inputSize, int outputSize, int batchSize)
    {
        var wantInputGrad = !inputGrad.IsEmpty;
        for (var b = 0; b < batchSize; b++)
        {
            var x = input.Slice(b * inputSize, inputSize);
            var dy = outputGrad.Slice(b * outputSize, outputSize);
            TensorPrimitives.Add(biasGrad, dy, biasGrad);
            Span<float> dx = wantInputGrad ? inputGrad.Slice(b * inputSize, inputSize) : default;
            if (wantInputGrad)
            {
                dx.Clear();
            }

            for (var o = 0; o < outputSize; o++)
            {
                var g = dy[o];
                if (g == 0f)
                {
                    continue;
                }

                var dwRow = weightGrad.Slice(o * inputSize, inputSize);
                TensorPrimitives.MultiplyAdd(x, g, dwRow, dwRow);
                if (wantInputGrad)
                {
                    TensorPrimitives.MultiplyAdd(weight.Slice(o * inputSize, inputSize), g, dx, dx);
                }
            }
        }
    }
}
