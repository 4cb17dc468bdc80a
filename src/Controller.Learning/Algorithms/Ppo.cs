using Controller.Learning.Backends;
using Controller.Learning.Buffers;

namespace Controller.Learning.Algorithms;

/// <summary>
/// Proximal policy optimisation with the clipped surrogate and GAE (Schulman et al. 2017), following SB3's <c>PPO</c>.
/// Given budgets in <see cref="TrainingSetup.Constraints"/> it is RC-PPO (PPO-Lagrangian): a cost critic per constraint,
/// cost advantages by GAE, the policy trained on the Lagrangian advantage, and multipliers updated by dual ascent
/// (or PID) after each rollout. Collection, multipliers and advantages are <see cref="OnPolicyAlgorithm{THyperparameters}"/>'s;
/// this file is the update: epochs of shuffled minibatches of the clipped loss.
/// </summary>
public sealed class Ppo : OnPolicyAlgorithm<PpoHyperparameters>
{
    private readonly Minibatch _minibatch;

    /// <summary>PPO whose update runs on <paramref name="backend"/> (the managed core when null).</summary>
    public Ppo(TrainingSetup setup, PpoHyperparameters? hyperparameters = null, ITrainingBackend? backend = null)
        : base(setup, hyperparameters ?? new PpoHyperparameters(), "ppo", (backend ?? ManagedBackend.Instance).CreatePpoUpdater)
    {
        var hp = Hyperparameters;
        var batch = Math.Min(hp.MinibatchSize, Buffer.Size);
        _minibatch = new Minibatch(batch, Buffer.ObservationSize, Buffer.ActionCount, Multipliers.Count, Buffer.LogPriors is not null);
    }

    private protected override void Train(bool finalRollout) => RecordMetrics(UpdateFromRollout(Buffer));

    /// <summary>
    /// Epochs × shuffled minibatches of clipped-loss gradient steps over a rollout whose advantages are computed, with
    /// the current multipliers. <see cref="OnPolicyAlgorithm{THyperparameters}.Learn"/> calls it once per rollout;
    /// benchmarks call it on a prepared buffer.
    /// </summary>
    internal List<ActorCriticLossStatistics> UpdateFromRollout(RolloutBuffer buffer)
    {
        var hp = Hyperparameters;
        var statistics = new List<ActorCriticLossStatistics>();
        var indices = Enumerable.Range(0, buffer.Size).ToArray();
        for (var epoch = 0; epoch < hp.Epochs; epoch++)
        {
            Random.Shuffle(indices);
            for (var startIndex = 0; startIndex < indices.Length; startIndex += _minibatch.Actions.Length)
            {
                var count = Math.Min(_minibatch.Actions.Length, indices.Length - startIndex);
                _minibatch.Gather(buffer, indices.AsSpan(startIndex, count));
                statistics.Add(Updater.Step(_minibatch, Lambdas));
            }
        }

        return statistics;
    }

    /// <summary>
    /// SB3's PPO loss on one minibatch, gradients accumulated into <paramref name="model"/>:
    /// <c>L = −mean(min(r·Â, clip(r, 1−ε, 1+ε)·Â)) + ent_coef·(−mean H) + vf_coef·(MSE(V, R) + Σ_k MSE(V^c_k, R^c_k))</c>,
    /// <c>r = exp(log π − log π_old)</c>, <c>Â</c> the (normalised) Lagrangian advantage.
    /// </summary>
    internal static ActorCriticLossStatistics ComputeLossAndGradients(
        ActorCritic model, PpoHyperparameters hp, Minibatch batch, ReadOnlySpan<double> lambdas,
        Span<float> advantages, Span<float> logProbGrad, Span<float> entropyGrad, Span<float> valueGrad, Span<float> costValueGrad)
    {
        var n = batch.Size;
        model.EvaluateBatch(batch);
        LagrangianAdvantage.Compute(batch, lambdas, hp.NormalizeAdvantage, advantages);

        // Clipped surrogate. Where the clipped term is the smaller one and r is outside [1−ε, 1+ε], it has no gradient.
        var clip = hp.ClipRange;
        double policyLoss = 0, approxKl = 0, clipped = 0;
        for (var b = 0; b < n; b++)
        {
            var logRatio = (double)model.ActionLogProbabilities[b] - batch.OldLogProbabilities[b];
            var ratio = Math.Exp(logRatio);
            var adv = (double)advantages[b];
            var unclippedTerm = ratio * adv;
            var clippedTerm = Math.Clamp(ratio, 1 - clip, 1 + clip) * adv;
            var insideClip = ratio >= 1 - clip && ratio <= 1 + clip;
            policyLoss -= Math.Min(unclippedTerm, clippedTerm) / n;
            logProbGrad[b] = unclippedTerm <= clippedTerm || insideClip ? (float)(-unclippedTerm / n) : 0f;
            approxKl += ((ratio - 1) - logRatio) / n;
            clipped += Math.Abs(ratio - 1) > clip ? 1.0 / n : 0;
        }

        double entropyLoss = 0;
        for (var b = 0; b < n; b++)
        {
            entropyLoss -= model.Entropies[b] / (double)n;
            entropyGrad[b] = (float)(-hp.EntropyCoefficient / n);
        }

        var (valueLoss, costValueLoss) = CriticLoss.Compute(model, batch, hp.ValueCoefficient, valueGrad, costValueGrad);
        model.Backward(logProbGrad[..n], entropyGrad[..n], valueGrad[..n], costValueGrad[..(n * batch.ConstraintCount)]);
        var total = policyLoss + (hp.EntropyCoefficient * entropyLoss) + (hp.ValueCoefficient * (valueLoss + costValueLoss));
        return new ActorCriticLossStatistics(policyLoss, valueLoss, costValueLoss, entropyLoss, total, approxKl, clipped);
    }

    private void RecordMetrics(List<ActorCriticLossStatistics> statistics)
    {
        var metrics = Metrics;
        metrics.Record("train/policy_loss", statistics.Average(s => s.PolicyLoss));
        metrics.Record("train/value_loss", statistics.Average(s => s.ValueLoss));
        metrics.Record("train/entropy_loss", statistics.Average(s => s.EntropyLoss));
        metrics.Record("train/loss", statistics[^1].TotalLoss);
        metrics.Record("train/approx_kl", statistics.Average(s => s.ApproxKl));
        metrics.Record("train/clip_fraction", statistics.Average(s => s.ClipFraction));
        metrics.Record("train/learning_rate", Updater.LearningRate);
        if (Multipliers.Count > 0)
        {
            metrics.Record("train/cost_value_loss", statistics.Average(s => s.CostValueLoss));
        }

        DumpMetrics();
    }
}
