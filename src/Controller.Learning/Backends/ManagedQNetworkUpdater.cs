using Controller.Learning.Losses;
using Controller.Learning.Nn;
using Controller.Learning.Optim;

namespace Controller.Learning.Backends;

/// <summary>Trains the managed Q-network in place: forward, Huber loss on the taken actions, backward, clipping, Adam.</summary>
internal sealed class ManagedQNetworkUpdater(Mlp network, IOptimizer optimizer, double maxGradNorm) : IQNetworkUpdater
{
    private float[] _current = [];
    private float[] _currentGrad = [];
    private float[] _outputGrad = [];

    public double LearningRate
    {
        get => optimizer.LearningRate;
        set => optimizer.LearningRate = value;
    }

    public double Step(ReadOnlySpan<float> observations, ReadOnlySpan<int> actions, ReadOnlySpan<float> targets, int batchSize)
    {
        var a = network.OutputSize;
        if (_current.Length != batchSize)
        {
            _current = new float[batchSize];
            _currentGrad = new float[batchSize];
            _outputGrad = new float[batchSize * a];
        }

        // The gradient flows only through the outputs of the taken actions.
        var q = network.Forward(observations, batchSize);
        for (var b = 0; b < batchSize; b++)
        {
            _current[b] = q[(b * a) + actions[b]];
        }

        var loss = RegressionLosses.Huber(_current, targets[..batchSize], _currentGrad);
        Array.Clear(_outputGrad);
        for (var b = 0; b < batchSize; b++)
        {
            _outputGrad[(b * a) + actions[b]] = _currentGrad[b];
        }

        optimizer.ZeroGrad();
        network.Backward(_outputGrad);
        GradientClipping.ClipByGlobalNorm(network.Parameters, maxGradNorm);
        optimizer.Step();
        return loss;
    }

    public void CopyWeightsTo(Mlp target)
    {
        if (!ReferenceEquals(target, network))
        {
            throw new ArgumentException("The managed updater trains its network in place; it has no weights for another network.", nameof(target));
        }
    }
}
