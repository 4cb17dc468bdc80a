using Controller.Learning.Backends;
using Controller.Learning.Nn;
using static global::TorchSharp.torch;

namespace Controller.Learning.TorchSharp;

/// <summary>Per-call forward in libtorch: the observation copied into a preallocated [1, n] tensor, forward without autograd, outputs copied out.</summary>
internal sealed class TorchPolicyForward : IPolicyForward
{
    private readonly TorchMlp _network;
    private readonly Tensor _input;

    public TorchPolicyForward(Mlp network)
    {
        _network = new TorchMlp(network);
        _input = zeros(1, network.InputSize);
    }

    public void Forward(ReadOnlySpan<float> observation, Span<float> output)
    {
        using var scope = NewDisposeScope();
        using var noGrad = inference_mode();
        TorchMlp.Write(observation, _input);
        TorchMlp.Read(_network.Forward(_input), output);
    }
}
