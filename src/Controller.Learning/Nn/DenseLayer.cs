using Controller.Learning.Kernels;

namespace Controller.Learning.Nn;

/// <summary>Fully connected layer <c>y = W·x + b</c> owning its weight <c>[outputs, inputs]</c>, bias and their gradients.</summary>
public sealed class DenseLayer
{
    public DenseLayer(string namePrefix, int inputSize, int outputSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        InputSize = inputSize;
        OutputSize = outputSize;
        Weight = new Parameter($"{namePrefix}.weight", outputSize, inputSize);
        Bias = new Parameter($"{namePrefix}.bias", outputSize);
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    /// <summary>Forward pass over a row-major batch <c>[batchSize, InputSize]</c> into <c>[batchSize, OutputSize]</c>.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int batchSize) =>
        DenseKernels.Forward(Weight.Value, Bias.Value, input, output, InputSize, OutputSize, batchSize);

    /// <summary>Accumulates weight and bias gradients and writes the input gradient (skipped when empty).</summary>
    public void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGrad, Span<float> inputGrad, int batchSize) =>
        DenseKernels.Backward(Weight.Value, input, outputGrad, Weight.Grad, Bias.Grad, inputGrad, InputSize, OutputSize, batchSize);
}
