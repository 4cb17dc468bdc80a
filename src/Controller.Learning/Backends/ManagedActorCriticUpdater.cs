using Controller.Learning.Algorithms;
using Controller.Learning.Buffers;
using Controller.Learning.Optim;

namespace Controller.Learning.Backends;

/// <summary>Trains the managed actor-critic in place: the algorithm's loss and backward pass, clipping, the optimiser.</summary>
internal sealed class ManagedActorCriticUpdater(
    ActorCritic model, IOptimizer optimizer, double maxGradNorm,
    ManagedActorCriticUpdater.LossAndGradients lossAndGradients) : IActorCriticUpdater
{
    /// <summary>The algorithm's loss, accumulating its gradients into the model; <c>scratch</c> holds five per-sample arrays.</summary>
    internal delegate ActorCriticLossStatistics LossAndGradients(Minibatch batch, ReadOnlySpan<double> lambdas, float[][] scratch);

    // Per-sample scratch the loss writes its coefficients into: advantages, ∂log π, ∂H, ∂V, ∂V^c.
    private float[][] _scratch = [];

    public double LearningRate
    {
        get => optimizer.LearningRate;
        set => optimizer.LearningRate = value;
    }

    public ActorCriticLossStatistics Step(Minibatch batch, ReadOnlySpan<double> lambdas)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var n = batch.Size;
        if (_scratch.Length == 0 || _scratch[0].Length < n)
        {
            _scratch = [new float[n], new float[n], new float[n], new float[n], new float[n * batch.ConstraintCount]];
        }

        optimizer.ZeroGrad();
        var statistics = lossAndGradients(batch, lambdas, _scratch);
        GradientClipping.ClipByGlobalNorm(model.Parameters, maxGradNorm);
        optimizer.Step();
        return statistics;
    }

    public void CopyWeightsTo(ActorCritic target)
    {
        if (!ReferenceEquals(target, model))
        {
            throw new ArgumentException("The managed updater trains its model in place; it has no weights for another model.", nameof(target));
        }
    }
}
