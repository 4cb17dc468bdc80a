using Controller.Learning.Kernels;

namespace Controller.Learning.Nn;

/// <summary>
/// Multi-layer perceptron: dense layers with an activation between them and none after the last, like
/// SB3's <c>create_mlp</c>. Parameters are named like an <c>nn.Sequential</c> (<c>pi.0.weight</c>,
/// <c>pi.2.weight</c>, …). The batched <see cref="Forward"/> keeps what <see cref="Backward"/> needs;
/// <see cref="Infer"/> is the allocation-free, thread-safe single-input path.
/// </summary>
public sealed class Mlp
{
    private readonly DenseLayer[] _layers;
    private float[][] _activations;
    private float[][] _gradients;
    private int _capacity;
    private int _batchSize;

    private Mlp(string name, int inputSize, IReadOnlyList<int> hiddenSizes, int outputSize, Activation activation)
    {
        Name = name;
        InputSize = inputSize;
        OutputSize = outputSize;
        HiddenSizes = hiddenSizes.ToArray();
        Activation = activation;
        var sizes = new List<int> { inputSize };
        sizes.AddRange(hiddenSizes);
        sizes.Add(outputSize);
        _layers = new DenseLayer[sizes.Count - 1];
        for (var i = 0; i < _layers.Length; i++)
        {
            // Sequential index: a Linear at every even index, its activation at the next odd one.
            _layers[i] = new DenseLayer($"{name}.{2 * i}", sizes[i], sizes[i + 1]);
        }

        Parameters = _layers.SelectMany(l => new[] { l.Weight, l.Bias }).ToArray();
        ScratchSize = 2 * Math.Max(1, hiddenSizes.Count == 0 ? 0 : hiddenSizes.Max());
        _activations = [];
        _gradients = [];
    }

    /// <summary>Prefix of the parameter names, e.g. <c>pi</c>.</summary>
    public string Name { get; }

    public int InputSize { get; }

    public int OutputSize { get; }

    public IReadOnlyList<int> HiddenSizes { get; }

    public Activation Activation { get; }

    /// <summary>Every weight and bias, input layer first.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Floats of scratch <see cref="Infer"/> needs.</summary>
    public int ScratchSize { get; }

    /// <summary>
    /// Builds an MLP, e.g. <c>Mlp.Create("pi", 25, [64, 64], 9, Activation.Tanh, WeightInit.PolicyHead, random)</c>.
    /// </summary>
    public static Mlp Create(
        string name, int inputSize, IReadOnlyList<int> hiddenSizes, int outputSize, Activation activation, WeightInit init, Random random)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        if (hiddenSizes.Any(h => h < 1))
        {
            throw new ArgumentException($"Hidden sizes of '{name}' must be positive, got [{string.Join(", ", hiddenSizes)}].", nameof(hiddenSizes));
        }

        var mlp = new Mlp(name, inputSize, hiddenSizes, outputSize, activation);
        for (var i = 0; i < mlp._layers.Length; i++)
        {
            var layer = mlp._layers[i];
            var gain = i == mlp._layers.Length - 1 ? init.OutputGain : init.HiddenGain;
            if (init.Scheme == InitScheme.Orthogonal)
            {
                Initializers.Orthogonal(layer.Weight.Value, layer.OutputSize, layer.InputSize, gain, random);
            }
            else
            {
                Initializers.XavierUniform(layer.Weight.Value, layer.OutputSize, layer.InputSize, gain, random);
            }
        }

        return mlp;
    }

    /// <summary>An MLP of the given shape with all parameters zero, to be filled from saved weights.</summary>
    public static Mlp CreateZeroed(string name, int inputSize, IReadOnlyList<int> hiddenSizes, int outputSize, Activation activation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        if (hiddenSizes.Any(h => h < 1))
        {
            throw new ArgumentException($"Hidden sizes of '{name}' must be positive, got [{string.Join(", ", hiddenSizes)}].", nameof(hiddenSizes));
        }

        return new Mlp(name, inputSize, hiddenSizes, outputSize, activation);
    }

    /// <summary>A deep copy of the parameters (gradients zero, no cached batch).</summary>
    public Mlp Clone()
    {
        var copy = new Mlp(Name, InputSize, HiddenSizes, OutputSize, Activation);
        copy.CopyParametersFrom(this);
        return copy;
    }

    /// <summary>
    /// Batched forward over row-major <c>[batchSize, InputSize]</c>; returns <c>[batchSize, OutputSize]</c>,
    /// valid until the next call. Buffers grow only when a larger batch arrives.
    /// </summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> input, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (input.Length != batchSize * InputSize)
        {
            throw new ArgumentException($"{Name}: input has {input.Length} floats, expected {batchSize}×{InputSize}.", nameof(input));
        }

        EnsureCapacity(batchSize);
        _batchSize = batchSize;
        input.CopyTo(_activations[0]);
        for (var i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            var x = _activations[i].AsSpan(0, batchSize * layer.InputSize);
            var y = _activations[i + 1].AsSpan(0, batchSize * layer.OutputSize);
            layer.Forward(x, y, batchSize);
            ApplyActivation(i, y, y);
        }

        return _activations[^1].AsSpan(0, batchSize * OutputSize);
    }

    /// <summary>
    /// Back-propagates <paramref name="outputGrad"/> (<c>[batch, OutputSize]</c>) through the last
    /// <see cref="Forward"/>, accumulating into every parameter's gradient; writes the input gradient when
    /// <paramref name="inputGrad"/> is not empty.
    /// </summary>
    public void Backward(ReadOnlySpan<float> outputGrad, Span<float> inputGrad = default)
    {
        if (_batchSize == 0)
        {
            throw new InvalidOperationException($"{Name}: Backward called before Forward.");
        }

        var batch = _batchSize;
        if (outputGrad.Length != batch * OutputSize)
        {
            throw new ArgumentException($"{Name}: output gradient has {outputGrad.Length} floats, expected {batch}×{OutputSize}.", nameof(outputGrad));
        }

        outputGrad.CopyTo(_gradients[^1]);
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            var layer = _layers[i];
            var dy = _gradients[i + 1].AsSpan(0, batch * layer.OutputSize);
            if (i < _layers.Length - 1)
            {
                var y = _activations[i + 1].AsSpan(0, batch * layer.OutputSize);
                ApplyActivationBackward(y, dy);
            }

            Span<float> dx = i > 0 ? _gradients[i].AsSpan(0, batch * layer.InputSize) : inputGrad;
            layer.Backward(_activations[i].AsSpan(0, batch * layer.InputSize), dy, dx, batch);
        }
    }

    /// <summary>
    /// Single-input forward with caller scratch (<see cref="ScratchSize"/> floats, e.g. <c>stackalloc</c>):
    /// allocates nothing and touches no shared state, so concurrent callers are safe.
    /// </summary>
    public void Infer(ReadOnlySpan<float> input, Span<float> output, Span<float> scratch)
    {
        if (input.Length != InputSize || output.Length != OutputSize || scratch.Length < ScratchSize)
        {
            throw new ArgumentException(
                $"{Name}: Infer needs input {InputSize}, output {OutputSize}, scratch ≥ {ScratchSize}; got {input.Length}, {output.Length}, {scratch.Length}.");
        }

        var half = ScratchSize / 2;
        var current = input;
        for (var i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            var last = i == _layers.Length - 1;
            var y = last ? output : scratch.Slice((i % 2) * half, layer.OutputSize);
            layer.Forward(current, y, 1);
            ApplyActivation(i, y, y);
            current = y;
        }
    }

    /// <summary>Copies every parameter value from a network of the same shape (e.g. DQN's target network).</summary>
    public void CopyParametersFrom(Mlp source)
    {
        if (source.Parameters.Count != Parameters.Count)
        {
            throw new ArgumentException($"{Name}: cannot copy from '{source.Name}' with a different shape.", nameof(source));
        }

        for (var i = 0; i < Parameters.Count; i++)
        {
            if (source.Parameters[i].Length != Parameters[i].Length)
            {
                throw new ArgumentException($"{Name}: parameter {Parameters[i].Name} differs in size from '{source.Parameters[i].Name}'.", nameof(source));
            }

            source.Parameters[i].Value.CopyTo(Parameters[i].Value, 0);
        }
    }

    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.ZeroGrad();
        }
    }

    private void ApplyActivation(int layerIndex, ReadOnlySpan<float> x, Span<float> y)
    {
        if (layerIndex == _layers.Length - 1)
        {
            return;
        }

        if (Activation == Activation.Tanh)
        {
            ActivationKernels.Tanh(x, y);
        }
        else
        {
            ActivationKernels.Relu(x, y);
        }
    }

    private void ApplyActivationBackward(ReadOnlySpan<float> y, Span<float> dy)
    {
        if (Activation == Activation.Tanh)
        {
            ActivationKernels.TanhBackward(y, dy, dy);
        }
        else
        {
            ActivationKernels.ReluBackward(y, dy, dy);
        }
    }

    private void EnsureCapacity(int batchSize)
    {
        if (batchSize <= _capacity)
        {
            return;
        }

        _activations = new float[_layers.Length + 1][];
        _gradients = new float[_layers.Length + 1][];
        _activations[0] = new float[batchSize * InputSize];
        _gradients[0] = [];
        for (var i = 0; i < _layers.Length; i++)
        {
            _activations[i + 1] = new float[batchSize * _layers[i].OutputSize];
            _gradients[i + 1] = new float[batchSize * _layers[i].OutputSize];
        }

        _capacity = batchSize;
    }
}
