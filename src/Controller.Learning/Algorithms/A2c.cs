using Controller.Learning.Backends;
using Controller.Learning.Buffers;

namespace Controller.Learning.Algorithms;

/// <summary>
/// Synchronous advantage actor-critic (Mnih et al. 2016), following SB3's <c>A2C</c>: one RMSprop step per short rollout.
/// Given budgets in <see cref="TrainingSetup.Constraints"/> it is RC-A2C: cost critics, cost advantages, the policy
/// gradient of the Lagrangian, multipliers updated by dual ascent (or PID) after each rollout. Collection, multipliers
/// and advantages are <see cref="OnPolicyAlgorithm{THyperparameters}"/>'s; this file is the update: one gradient step
/// on the whole rollout.
/// </summary>
public sealed class A2c : OnPolicyAlgorithm<A2cHyperparameters>
{
    private readonly Minibatch _batch;
    private readonly int[] _allRows;
    private readonly List<ActorCriticLossStatistics> _pendingStatistics = [];

    /// <summary>A2C whose update runs on <paramref name="backend"/> (the managed core when null).</summary>
    public A2c(TrainingSetup setup, A2cHyperparameters? hyperparameters = null, ITrainingBackend? backend = null)
        : base(setup, hyperparameters ?? new A2cHyperparameters(), "a2c", (backend ?? ManagedBackend.Instance).CreateA2cUpdater)
    {
        var size = Buffer.Size;
        _batch = new Minibatch(size, Buffer.ObservationSize, Buffer.ActionCount, Multipliers.Count, Buffer.LogPriors is not null);
        _allRows = Enumerable.Range(0, size).ToArray();
    }

    /// <summary>How many updates are averaged into one metrics dump (SB3 logs A2C every 100 updates).</summary>
    public int LogInterval { get; init; } = 100;

    private protected override void Train(bool finalRollout)
    {
        // One gradient step on the whole rollout.
        _batch.Gather(Buffer, _allRows);
        _pendingStatistics.Add(Updater.Step(_batch, Lambdas));

        if (_pendingStatistics.Count >= LogInterval || finalRollout)
        {
            RecordMetrics();
        }
    }

    /// <summary>
    /// SB3's A2C loss, gradients accumulated into <paramref name="model"/>:
    /// <c>L = −mean(Â·log π(a|s)) + ent_coef·(−mean H) + vf_coef·(MSE(V, R) + Σ_k MSE(V^c_k, R^c_k))</c>,
    /// with <c>Â</c> the Lagrangian advantage.
    /// </summary>
    internal static ActorCriticLossStatistics ComputeLossAndGradients(
        ActorCritic model, A2cHyperparameters hp, Minibatch batch, ReadOnlySpan<double> lambdas,
        Span<float> advantages, Span<float> logProbGrad, Span<float> entropyGrad, Span<float> valueGrad, Span<float> costValueGrad)
    {
        var n = batch.Size;
        model.EvaluateBatch(batch);
        LagrangianAdvantage.Compute(batch, lambdas, hp.NormalizeAdvantage, advantages);

        double policyLoss = 0, entropyLoss = 0;
        for (var b = 0; b < n; b++)
        {
            policyLoss -= advantages[b] * (double)model.ActionLogProbabilities[b] / n;
            logProbGrad[b] = -advantages[b] / n;
            entropyLoss -= model.Entropies[b] / (double)n;
            entropyGrad[b] = (float)(-hp.EntropyCoefficient / n);
        }

        var (valueLoss, costValueLoss) = CriticLoss.Compute(model, batch, hp.ValueCoefficient, valueGrad, costValueGrad);
        model.Backward(logProbGrad[..n], entropyGrad[..n], valueGrad[..n], costValueGrad[..(n * batch.ConstraintCount)]);
        var total = policyLoss + (hp.EntropyCoefficient * entropyLoss) + (hp.ValueCoefficient * (valueLoss + costValueLoss));
        return new ActorCriticLossStatistics(policyLoss, valueLoss, costValueLoss, entropyLoss, total, 0, 0);
    }

    private void RecordMetrics()
    {
        var metrics = Metrics;
        metrics.Record("train/policy_loss", _pendingStatistics.Average(s => s.PolicyLoss));
        metrics.Record("train/value_loss", _pendingStatistics.Average(s => s.ValueLoss));
        metrics.Record("train/entropy_loss", _pendingStatistics.Average(s => s.EntropyLoss));
        metrics.Record("train/learning_rate", Updater.LearningRate);
        if (Multipliers.Count > 0)
        {
            metrics.Record("train/cost_value_loss", _pendingStatistics.Average(s => s.CostValueLoss));
        }

        _pendingStatistics.Clear();
        DumpMetrics();
    }
}
