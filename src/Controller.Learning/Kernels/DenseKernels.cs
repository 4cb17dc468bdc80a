using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Controller.Learning.Kernels;

/// <summary>
/// Span-in, span-out kernels of a fully connected layer. Weights are row-major <c>[outputs, inputs]</c>
/// (PyTorch's <c>nn.Linear</c> layout), batches are row-major <c>[batch, features]</c>.
/// </summary>
/// <remarks>
/// Policy networks here are narrow (tens of units), where a <see cref="TensorPrimitives"/> call per row spends more in
/// call overhead than in arithmetic. With 256-bit vectors the kernels therefore block four weight rows per pass over the
/// input (one load of x feeds four FMAs) and inline the row updates; otherwise they fall back to TensorPrimitives.
/// Both paths compute the same sums in float32; only the summation order differs.
/// </remarks>
public static class DenseKernels
{
    /// <summary><c>y[b, o] = Σᵢ W[o, i]·x[b, i] + bias[o]</c> for every row <c>b</c> of the batch.</summary>
    public static void Forward(
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, ReadOnlySpan<float> input, Span<float> output,
        int inputSize, int outputSize, int batchSize)
    {
        if (weight.Length < inputSize * outputSize || bias.Length < outputSize
            || input.Length < inputSize * batchSize || output.Length < outputSize * batchSize)
        {
            throw new ArgumentException($"Dense forward {inputSize}→{outputSize} × {batchSize}: spans are too short.");
        }

        for (var b = 0; b < batchSize; b++)
        {
            var x = input.Slice(b * inputSize, inputSize);
            var y = output.Slice(b * outputSize, outputSize);
            if (Vector256.IsHardwareAccelerated)
            {
                MatVec(weight, x, y, inputSize, outputSize);
                TensorPrimitives.Add(y, bias[..outputSize], y);
            }
            else
            {
                for (var o = 0; o < outputSize; o++)
                {
                    y[o] = TensorPrimitives.Dot(weight.Slice(o * inputSize, inputSize), x) + bias[o];
                }
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
        if (weight.Length < inputSize * outputSize || weightGrad.Length < inputSize * outputSize || biasGrad.Length < outputSize
            || input.Length < inputSize * batchSize || outputGrad.Length < outputSize * batchSize
            || (!inputGrad.IsEmpty && inputGrad.Length < inputSize * batchSize))
        {
            throw new ArgumentException($"Dense backward {inputSize}→{outputSize} × {batchSize}: spans are too short.");
        }

        var wantInputGrad = !inputGrad.IsEmpty;
        for (var b = 0; b < batchSize; b++)
        {
            var x = input.Slice(b * inputSize, inputSize);
            var dy = outputGrad.Slice(b * outputSize, outputSize);
            TensorPrimitives.Add(biasGrad[..outputSize], dy, biasGrad[..outputSize]);
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

                Axpy(g, x, weightGrad.Slice(o * inputSize, inputSize));
                if (wantInputGrad)
                {
                    Axpy(g, weight.Slice(o * inputSize, inputSize), dx);
                }
            }
        }
    }

    /// <summary><c>y[o] = Σᵢ W[o, i]·x[i]</c>, four rows per pass over x.</summary>
    private static void MatVec(ReadOnlySpan<float> weight, ReadOnlySpan<float> x, Span<float> y, int inputSize, int outputSize)
    {
        ref var w0 = ref MemoryMarshal.GetReference(weight);
        ref var xr = ref MemoryMarshal.GetReference(x);
        var vectorEnd = inputSize - (inputSize % Vector256<float>.Count);
        var o = 0;
        for (; o + 4 <= outputSize; o += 4)
        {
            ref var r0 = ref Unsafe.Add(ref w0, o * inputSize);
            ref var r1 = ref Unsafe.Add(ref r0, inputSize);
            ref var r2 = ref Unsafe.Add(ref r1, inputSize);
            ref var r3 = ref Unsafe.Add(ref r2, inputSize);
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            var i = 0;
            for (; i < vectorEnd; i += Vector256<float>.Count)
            {
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, (nuint)i), xv, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, (nuint)i), xv, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, (nuint)i), xv, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, (nuint)i), xv, a3);
            }

            float s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
            for (; i < inputSize; i++)
            {
                var xi = Unsafe.Add(ref xr, i);
                s0 += Unsafe.Add(ref r0, i) * xi;
                s1 += Unsafe.Add(ref r1, i) * xi;
                s2 += Unsafe.Add(ref r2, i) * xi;
                s3 += Unsafe.Add(ref r3, i) * xi;
            }

            y[o] = s0;
            y[o + 1] = s1;
            y[o + 2] = s2;
            y[o + 3] = s3;
        }

        for (; o < outputSize; o++)
        {
            y[o] = TensorPrimitives.Dot(weight.Slice(o * inputSize, inputSize), x);
        }
    }

    /// <summary><c>y += a·x</c>, inlined so the per-row call costs nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            TensorPrimitives.MultiplyAdd(x, a, y, y);
            return;
        }

        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var n = x.Length;
        var av = Vector256.Create(a);
        var i = 0;
        for (; i + Vector256<float>.Count <= n; i += Vector256<float>.Count)
        {
            Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)i), av, Vector256.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref yr, i) += a * Unsafe.Add(ref xr, i);
        }
    }
}
