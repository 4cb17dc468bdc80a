using Controller.Learning.Algorithms;
using Controller.Learning.Backends;
using Controller.Learning.Nn;
using global::TorchSharp;
using static global::TorchSharp.torch;

namespace Controller.Learning.TorchSharp;

/// <summary>
/// DQN's gradient step in libtorch: <c>smooth_l1_loss(Q(s)[a], target)</c> (SB3's Huber, β = 1), <c>clip_grad_norm_</c>,
/// <c>torch.optim.Adam</c>. Acting, TD targets (the target network) and export read the managed Q-network, which
/// <see cref="CopyWeightsTo"/> refreshes after every step.
/// </summary>
internal sealed class TorchQNetworkUpdater : IQNetworkUpdater
{
    private readonly TorchMlp _network;
    private readonly global::TorchSharp.Modules.Parameter[] _parameters;
    private readonly optim.Optimizer _optimizer;
    private readonly double _maxGradNorm;
    private readonly long[] _actions;
    private double _learningRate;

    public TorchQNetworkUpdater(Mlp qNetwork, DqnHyperparameters hp)
    {
        ArgumentNullException.ThrowIfNull(qNetwork);
        ArgumentNullException.ThrowIfNull(hp);
        _network = new TorchMlp(qNetwork);
        _parameters = _network.Parameters.ToArray();
        _learningRate = hp.LearningRate;
        _optimizer = TorchOptimizers.Adam(_parameters, hp.LearningRate, hp.AdamEpsilon);
        _maxGradNorm = hp.MaxGradNorm;
        _actions = new long[hp.BatchSize];
    }

    public double LearningRate
    {
        get => _learningRate;
        set
        {
            _learningRate = value;
            foreach (var group in _optimizer.ParamGroups)
            {
                group.LearningRate = value;
            }
        }
    }

    public double Step(ReadOnlySpan<float> observations, ReadOnlySpan<int> actions, ReadOnlySpan<float> targets, int batchSize)
    {
        if (batchSize != _actions.Length)
        {
            throw new ArgumentException($"batch of {batchSize}; this updater was built for DqnHyperparameters.BatchSize = {_actions.Length}.", nameof(batchSize));
        }

        using var scope = NewDisposeScope();
        for (var b = 0; b < batchSize; b++)
        {
            _actions[b] = actions[b];
        }

        var o = observations.Length / batchSize;
        var input = tensor(observations[..(batchSize * o)].ToArray(), [batchSize, o]);
        var taken = _network.Forward(input).gather(1, tensor(_actions, [batchSize]).unsqueeze(1)).squeeze(1);
        var loss = nn.functional.smooth_l1_loss(taken, tensor(targets[..batchSize].ToArray(), [batchSize]), nn.Reduction.Mean, 1.0);
        _optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(_parameters, _maxGradNorm);
        _optimizer.step();
        return loss.item<float>();
    }

    public void CopyWeightsTo(Mlp network) => _network.CopyTo(network);
}
