using Controller.Learning.Buffers;
using Controller.Learning.Constraints;
using Controller.Learning.Environments;
using Controller.Learning.Optim;
using Controller.Learning.Policies;

namespace Controller.Learning.Algorithms;

/// <summary>
/// Proximal policy optimisation with the clipped surrogate and GAE (Schulman et al. 2017), following SB3's <c>PPO</c>.
/// Given budgets in <see cref="TrainingSetup.Constraints"/> it is RC-PPO (PPO-Lagrangian): a cost critic per constraint,
/// cost advantages by GAE, the policy trained on the Lagrangian advantage, and multipliers updated by dual ascent
/// (or PID) after each rollout.
/// </summary>
public sealed class Ppo
{
    private readonly TrainingSetup _setup;
    private readonly VectorizedEnvironment _env;
    private readonly Random _random;
    private readonly RolloutBuffer _buffer;
    private readonly Minibatch _minibatch;
    private readonly OnPolicyCollector _collector;
    private readonly Adam _optimizer;
    private readonly EpisodeWindow _episodes;
    private readonly float[] _advantages;
    private readonly float[] _logProbGrad;
    private readonly float[] _entropyGrad;
    private readonly float[] _valueGrad;
    private readonly float[] _costValueGrad;
    private readonly double[] _lambdas;
    private bool _hyperparametersLogged;

    public Ppo(TrainingSetup setup, PpoHyperparameters? hyperparameters = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Hyperparameters = hyperparameters ?? new PpoHyperparameters();
        Hyperparameters.Validate();
        _setup = setup;
        _env = new VectorizedEnvironment(setup.Environments, readLogPriors: setup.StateLogPrior);
        Observation = setup.ResolveObservation();
        Actions = setup.ResolveActions();
        Multipliers = new LagrangeMultipliers(setup.Constraints, _env.Spec);
        _random = new Random(setup.Seed);
        var hp = Hyperparameters;
        var spec = _env.Spec;
        Model = ActorCritic.Create(spec.ObservationSize, spec.ActionCount, Multipliers.Count, hp.Hidden, hp.Activation, _random);
        setup.ApplyPolicyLogitPrior(Model);
        var statePrior = _env.LogPriors is not null;
        _buffer = new RolloutBuffer(hp.StepsPerRollout, _env.Count, spec.ObservationSize, spec.ActionCount, Multipliers.Count, statePrior);
        var batch = Math.Min(hp.MinibatchSize, _buffer.Size);
        _minibatch = new Minibatch(batch, spec.ObservationSize, spec.ActionCount, Multipliers.Count, statePrior);
        _collector = new OnPolicyCollector(_env, Model, Observation, Multipliers, _random, hp.Gamma, setup.Seed);
        _optimizer = new Adam(Model.Parameters, hp.LearningRate, epsilon: hp.AdamEpsilon);
        _episodes = new EpisodeWindow(spec);
        _advantages = new float[batch];
        _logProbGrad = new float[batch];
        _entropyGrad = new float[batch];
        _valueGrad = new float[batch];
        _costValueGrad = new float[batch * Multipliers.Count];
        _lambdas = new double[Multipliers.Count];
    }

    public PpoHyperparameters Hyperparameters { get; }

    public ActorCritic Model { get; }

    public LagrangeMultipliers Multipliers { get; }

    public ObservationSpec Observation { get; }

    public ActionSpec Actions { get; }

    /// <summary>Environment steps taken so far (all environments together).</summary>
    public long Timesteps { get; private set; }

    /// <summary>Trains for at least <paramref name="totalTimesteps"/> more steps (whole rollouts), then returns where it ended.</summary>
    public TrainingSummary Learn(long totalTimesteps, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalTimesteps, 1L);
        var hp = Hyperparameters;
        LogHyperparametersOnce();
        var start = Timesteps;
        while (Timesteps - start < totalTimesteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var progressRemaining = 1.0 - ((double)(Timesteps - start) / totalTimesteps);
            _optimizer.LearningRate = hp.FinalLearningRate is { } final
                ? LearningRateSchedule.Linear(hp.LearningRate, final).At(progressRemaining)
                : hp.LearningRate;

            // Collect: one rollout of StepsPerRollout steps in every environment.
            _collector.Collect(_buffer);
            Timesteps += _buffer.Size;
            _episodes.Add(_collector.Finished);

            // Constrained form: dual ascent on the multipliers from this rollout's episode costs.
            Multipliers.Update(_collector.Finished);
            for (var k = 0; k < _lambdas.Length; k++)
            {
                _lambdas[k] = Multipliers.Values[k];
            }

            // Advantages and returns for the reward and every constrained cost.
            _buffer.ComputeAdvantages(_collector.LastValues, _collector.LastCostValues, hp.Gamma, hp.GaeLambda);

            // Epochs of shuffled minibatches.
            var statistics = UpdateFromRollout(_buffer);
            RecordMetrics(statistics);
        }

        return _episodes.Summarize(Timesteps, Multipliers);
    }

    /// <summary>The current policy network (a copy) wrapped for serving.</summary>
    public Policy ExportPolicy() => new(Model.Policy.Clone(), PolicyHead.Categorical, Observation, Actions);

    /// <summary>
    /// Epochs × shuffled minibatches of clipped-loss gradient steps over a rollout whose advantages are computed, with
    /// the current multipliers. <see cref="Learn"/> calls it once per rollout; benchmarks call it on a prepared buffer.
    /// </summary>
    internal List<ActorCriticLossStatistics> UpdateFromRollout(RolloutBuffer buffer)
    {
        var hp = Hyperparameters;
        var statistics = new List<ActorCriticLossStatistics>();
        var indices = Enumerable.Range(0, buffer.Size).ToArray();
        for (var epoch = 0; epoch < hp.Epochs; epoch++)
        {
            _random.Shuffle(indices);
            for (var startIndex = 0; startIndex < indices.Length; startIndex += _minibatch.Actions.Length)
            {
                var count = Math.Min(_minibatch.Actions.Length, indices.Length - startIndex);
                _minibatch.Gather(buffer, indices.AsSpan(startIndex, count));
                _optimizer.ZeroGrad();
                statistics.Add(ComputeLossAndGradients(_minibatch, _lambdas));
                GradientClipping.ClipByGlobalNorm(Model.Parameters, hp.MaxGradNorm);
                _optimizer.Step();
            }
        }

        return statistics;
    }

    /// <summary>
    /// SB3's PPO loss on one minibatch, gradients accumulated into <see cref="Model"/>:
    /// <c>L = −mean(min(r·Â, clip(r, 1−ε, 1+ε)·Â)) + ent_coef·(−mean H) + vf_coef·(MSE(V, R) + Σ_k MSE(V^c_k, R^c_k))</c>,
    /// <c>r = exp(log π − log π_old)</c>, <c>Â</c> the (normalised) Lagrangian advantage.
    /// </summary>
    internal ActorCriticLossStatistics ComputeLossAndGradients(Minibatch batch, ReadOnlySpan<double> lambdas) =>
        ComputeLossAndGradients(Model, Hyperparameters, batch, lambdas, _advantages, _logProbGrad, _entropyGrad, _valueGrad, _costValueGrad);

    internal static ActorCriticLossStatistics ComputeLossAndGradients(
        ActorCritic model, PpoHyperparameters hp, Minibatch batch, ReadOnlySpan<double> lambdas,
        Span<float> advantages, Span<float> logProbGrad, Span<float> entropyGrad, Span<float> valueGrad, Span<float> costValueGrad)
    {
        var n = batch.Size;
        model.Evaluate(batch.Observations.AsSpan(0, n * batch.ObservationSize), batch.Masks.AsSpan(0, n * batch.ActionCount), batch.Actions.AsSpan(0, n), n,
            batch.LogPriors is { } priors ? priors.AsSpan(0, n * batch.ActionCount) : default);
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
        var metrics = _setup.Metrics;
        metrics.Record("train/policy_loss", statistics.Average(s => s.PolicyLoss));
        metrics.Record("train/value_loss", statistics.Average(s => s.ValueLoss));
        metrics.Record("train/entropy_loss", statistics.Average(s => s.EntropyLoss));
        metrics.Record("train/loss", statistics[^1].TotalLoss);
        metrics.Record("train/approx_kl", statistics.Average(s => s.ApproxKl));
        metrics.Record("train/clip_fraction", statistics.Average(s => s.ClipFraction));
        metrics.Record("train/learning_rate", _optimizer.LearningRate);
        if (Multipliers.Count > 0)
        {
            metrics.Record("train/cost_value_loss", statistics.Average(s => s.CostValueLoss));
        }

        _episodes.Record(metrics, Multipliers);
        metrics.Dump(Timesteps);
    }

    private void LogHyperparametersOnce()
    {
        if (_hyperparametersLogged)
        {
            return;
        }

        _hyperparametersLogged = true;
        _setup.Metrics.LogHyperparameters(Multipliers.Count > 0 ? "RC-PPO" : "PPO", Hyperparameters, ConstraintDescription.Describe(_setup, _env.Count));
    }
}
