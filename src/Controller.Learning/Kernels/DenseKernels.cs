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
/// call overhead than in arithmetic. With 256-bit vectors the kernels are register-blocked instead: the forward pass keeps
/// four weight rows per pass over the input (one load of x feeds four FMAs); the backward pass keeps a 4 × 8 tile of the
/// weight gradient (or of the input gradient) in registers across the whole batch (or all outputs). Without 256-bit
/// vectors they fall back to TensorPrimitives.
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

        if (Vector256.IsHardwareAccelerated)
        {
            for (var b = 0; b < batchSize; b++)
            {
                TensorPrimitives.Add(biasGrad[..outputSize], outputGrad.Slice(b * outputSize, outputSize), biasGrad[..outputSize]);
            }

            AccumulateWeightGrad(input, outputGrad, weightGrad, inputSize, outputSize, batchSize);
            if (!inputGrad.IsEmpty)
            {
                WriteInputGrad(weight, outputGrad, inputGrad, inputSize, outputSize, batchSize);
            }

            return;
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
                TensorPrimitives.MultiplyAdd(x, g, weightGrad.Slice(o * inputSize, inputSize), weightGrad.Slice(o * inputSize, inputSize));
                if (wantInputGrad)
                {
                    TensorPrimitives.MultiplyAdd(weight.Slice(o * inputSize, inputSize), g, dx, dx);
                }
            }
        }
    }

    /// <summary>
    /// <c>dW[o, i] += Σ_b dy[b, o]·x[b, i]</c>, register-blocked: four weight rows × one 8-wide column
    /// chunk stay in registers for the whole batch, so each loaded slice of x feeds four FMAs and dW is
    /// read and written once per call instead of once per sample.
    /// </summary>
    private static void AccumulateWeightGrad(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGrad, Span<float> weightGrad,
        int inputSize, int outputSize, int batchSize)
    {
        ref var xr = ref MemoryMarshal.GetReference(input);
        ref var dyr = ref MemoryMarshal.GetReference(outputGrad);
        ref var wg = ref MemoryMarshal.GetReference(weightGrad);
        var width = Vector256<float>.Count;
        var vectorEnd = inputSize - (inputSize % width);
        var o = 0;
        for (; o + 4 <= outputSize; o += 4)
        {
            for (var i = 0; i < vectorEnd; i += width)
            {
                var a0 = Vector256<float>.Zero;
                var a1 = Vector256<float>.Zero;
                var a2 = Vector256<float>.Zero;
                var a3 = Vector256<float>.Zero;
                for (var b = 0; b < batchSize; b++)
                {
                    var xv = Vector256.LoadUnsafe(ref xr, (nuint)((b * inputSize) + i));
                    ref var g = ref Unsafe.Add(ref dyr, (b * outputSize) + o);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.Create(g), xv, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref g, 1)), xv, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref g, 2)), xv, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref g, 3)), xv, a3);
                }

                AddTo(ref wg, (o * inputSize) + i, a0);
                AddTo(ref wg, ((o + 1) * inputSize) + i, a1);
                AddTo(ref wg, ((o + 2) * inputSize) + i, a2);
                AddTo(ref wg, ((o + 3) * inputSize) + i, a3);
            }

            for (var i = vectorEnd; i < inputSize; i++)
            {
                for (var r = o; r < o + 4; r++)
                {
                    Unsafe.Add(ref wg, (r * inputSize) + i) += ColumnDot(ref dyr, r, outputSize, ref xr, i, inputSize, batchSize);
                }
            }
        }

        for (; o < outputSize; o++)
        {
            for (var i = 0; i < vectorEnd; i += width)
            {
                var a = Vector256<float>.Zero;
                for (var b = 0; b < batchSize; b++)
                {
                    a = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref dyr, (b * outputSize) + o)), Vector256.LoadUnsafe(ref xr, (nuint)((b * inputSize) + i)), a);
                }

                AddTo(ref wg, (o * inputSize) + i, a);
            }

            for (var i = vectorEnd; i < inputSize; i++)
            {
                Unsafe.Add(ref wg, (o * inputSize) + i) += ColumnDot(ref dyr, o, outputSize, ref xr, i, inputSize, batchSize);
            }
        }
    }

    /// <summary>
    /// <c>dx[b, i] = Σ_o dy[b, o]·W[o, i]</c>, blocked like <see cref="AccumulateWeightGrad"/> with the roles
    /// swapped: four samples × one 8-wide column chunk in registers while the sum runs over the outputs.
    /// </summary>
    private static void WriteInputGrad(ReadOnlySpan<float> weight, ReadOnlySpan<float> outputGrad, Span<float> inputGrad,
        int inputSize, int outputSize, int batchSize)
    {
        ref var wr = ref MemoryMarshal.GetReference(weight);
        ref var dyr = ref MemoryMarshal.GetReference(outputGrad);
        ref var dx = ref MemoryMarshal.GetReference(inputGrad);
        var width = Vector256<float>.Count;
        var vectorEnd = inputSize - (inputSize % width);
        var b = 0;
        for (; b + 4 <= batchSize; b += 4)
        {
            ref var g0 = ref Unsafe.Add(ref dyr, b * outputSize);
            ref var g1 = ref Unsafe.Add(ref g0, outputSize);
            ref var g2 = ref Unsafe.Add(ref g1, outputSize);
            ref var g3 = ref Unsafe.Add(ref g2, outputSize);
            for (var i = 0; i < vectorEnd; i += width)
            {
                var a0 = Vector256<float>.Zero;
                var a1 = Vector256<float>.Zero;
                var a2 = Vector256<float>.Zero;
                var a3 = Vector256<float>.Zero;
                for (var o = 0; o < outputSize; o++)
                {
                    var wv = Vector256.LoadUnsafe(ref wr, (nuint)((o * inputSize) + i));
                    a0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref g0, o)), wv, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref g1, o)), wv, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref g2, o)), wv, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref g3, o)), wv, a3);
                }

                a0.StoreUnsafe(ref dx, (nuint)((b * inputSize) + i));
                a1.StoreUnsafe(ref dx, (nuint)(((b + 1) * inputSize) + i));
                a2.StoreUnsafe(ref dx, (nuint)(((b + 2) * inputSize) + i));
                a3.StoreUnsafe(ref dx, (nuint)(((b + 3) * inputSize) + i));
            }

            for (var i = vectorEnd; i < inputSize; i++)
            {
                for (var r = b; r < b + 4; r++)
                {
                    Unsafe.Add(ref dx, (r * inputSize) + i) = RowDot(ref dyr, r, outputSize, ref wr, i, inputSize);
                }
            }
        }

        for (; b < batchSize; b++)
        {
            for (var i = 0; i < inputSize; i++)
            {
                Unsafe.Add(ref dx, (b * inputSize) + i) = RowDot(ref dyr, b, outputSize, ref wr, i, inputSize);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(ref float destination, int offset, Vector256<float> value) =>
        (Vector256.LoadUnsafe(ref destination, (nuint)offset) + value).StoreUnsafe(ref destination, (nuint)offset);

    /// <summary><c>Σ_b dy[b, o]·x[b, i]</c>: one weight-gradient entry (used for the ragged edges only).</summary>
    private static float ColumnDot(ref float dy, int o, int outputSize, ref float x, int i, int inputSize, int batchSize)
    {
        var sum = 0f;
        for (var b = 0; b < batchSize; b++)
        {
            sum += Unsafe.Add(ref dy, (b * outputSize) + o) * Unsafe.Add(ref x, (b * inputSize) + i);
        }

        return sum;
    }

    /// <summary><c>Σ_o dy[b, o]·W[o, i]</c>: one input-gradient entry (used for the ragged edges only).</summary>
    private static float RowDot(ref float dy, int b, int outputSize, ref float weight, int i, int inputSize)
    {
        var sum = 0f;
        for (var o = 0; o < outputSize; o++)
        {
            sum += Unsafe.Add(ref dy, (b * outputSize) + o) * Unsafe.Add(ref weight, (o * inputSize) + i);
        }

        return sum;
    }

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
}
