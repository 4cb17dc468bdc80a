using Controller.Learning.Buffers;
using Controller.Learning.Constraints;
using Controller.Learning.Environments;
using Controller.Learning.Optim;
using Controller.Learning.Policies;

namespace Controller.Learning.Algorithms;

/// <summary>
/// Synchronous advantage actor-critic (Mnih et al. 2016), following SB3's <c>A2C</c>: one RMSprop step per short rollout.
/// Given budgets in <see cref="TrainingSetup.Constraints"/> it is RC-A2C: cost critics, cost advantages, the policy
/// gradient of the Lagrangian, multipliers updated by dual ascent (or PID) after each rollout.
/// </summary>
public sealed class A2c
{
    private readonly TrainingSetup _setup;
    private readonly VectorizedEnvironment _env;
    private readonly RolloutBuffer _buffer;
    private readonly Minibatch _batch;
    private readonly OnPolicyCollector _collector;
    private readonly RmsProp _optimizer;
    private readonly EpisodeWindow _episodes;
    private readonly int[] _allRows;
    private readonly float[] _advantages;
    private readonly float[] _logProbGrad;
    private readonly float[] _entropyGrad;
    private readonly float[] _valueGrad;
    private readonly float[] _costValueGrad;
    private readonly double[] _lambdas;
    private readonly List<ActorCriticLossStatistics> _pendingStatistics = [];
    private bool _hyperparametersLogged;

    public A2c(TrainingSetup setup, A2cHyperparameters? hyperparameters = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Hyperparameters = hyperparameters ?? new A2cHyperparameters();
        Hyperparameters.Validate();
        _setup = setup;
        _env = new VectorizedEnvironment(setup.Environments, readLogPriors: setup.StateLogPrior);
        Observation = setup.ResolveObservation();
        Actions = setup.ResolveActions();
        Multipliers = new LagrangeMultipliers(setup.Constraints, _env.Spec);
        var random = new Random(setup.Seed);
        var hp = Hyperparameters;
        var spec = _env.Spec;
        Model = ActorCritic.Create(spec.ObservationSize, spec.ActionCount, Multipliers.Count, hp.Hidden, hp.Activation, random);
        setup.ApplyPolicyLogitPrior(Model);
        var statePrior = _env.LogPriors is not null;
        _buffer = new RolloutBuffer(hp.StepsPerRollout, _env.Count, spec.ObservationSize, spec.ActionCount, Multipliers.Count, statePrior);
        _batch = new Minibatch(_buffer.Size, spec.ObservationSize, spec.ActionCount, Multipliers.Count, statePrior);
        _collector = new OnPolicyCollector(_env, Model, Observation, Multipliers, random, hp.Gamma, setup.Seed);
        _optimizer = new RmsProp(Model.Parameters, hp.LearningRate, hp.RmsPropAlpha, hp.RmsPropEpsilon);
        _episodes = new EpisodeWindow(spec);
        _allRows = Enumerable.Range(0, _buffer.Size).ToArray();
        _advantages = new float[_buffer.Size];
        _logProbGrad = new float[_buffer.Size];
        _entropyGrad = new float[_buffer.Size];
        _valueGrad = new float[_buffer.Size];
        _costValueGrad = new float[_buffer.Size * Multipliers.Count];
        _lambdas = new double[Multipliers.Count];
    }

    public A2cHyperparameters Hyperparameters { get; }

    public ActorCritic Model { get; }

    public LagrangeMultipliers Multipliers { get; }

    public ObservationSpec Observation { get; }

    public ActionSpec Actions { get; }

    public long Timesteps { get; private set; }

    /// <summary>How many updates are averaged into one metrics dump (SB3 logs A2C every 100 updates).</summary>
    public int LogInterval { get; init; } = 100;

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

            // Collect a short rollout.
            _collector.Collect(_buffer);
            Timesteps += _buffer.Size;
            _episodes.Add(_collector.Finished);

            // Constrained form: dual ascent from the episodes that finished in this rollout.
            Multipliers.Update(_collector.Finished);
            for (var k = 0; k < _lambdas.Length; k++)
            {
                _lambdas[k] = Multipliers.Values[k];
            }

            // n-step returns / GAE for reward and costs.
            _buffer.ComputeAdvantages(_collector.LastValues, _collector.LastCostValues, hp.Gamma, hp.GaeLambda);

            // One gradient step on the whole rollout.
            _batch.Gather(_buffer, _allRows);
            _optimizer.ZeroGrad();
            _pendingStatistics.Add(ComputeLossAndGradients(Model, hp, _batch, _lambdas, _advantages, _logProbGrad, _entropyGrad, _valueGrad, _costValueGrad));
            GradientClipping.ClipByGlobalNorm(Model.Parameters, hp.MaxGradNorm);
            _optimizer.Step();

            if (_pendingStatistics.Count >= LogInterval || Timesteps - start >= totalTimesteps)
            {
                RecordMetrics();
            }
        }

        return _episodes.Summarize(Timesteps, Multipliers);
    }

    /// <summary>The current policy network (a copy) wrapped for serving.</summary>
    public Policy ExportPolicy() => new(Model.Policy.Clone(), PolicyHead.Categorical, Observation, Actions);

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
        model.Evaluate(batch.Observations.AsSpan(0, n * batch.ObservationSize), batch.Masks.AsSpan(0, n * batch.ActionCount), batch.Actions.AsSpan(0, n), n,
            batch.LogPriors is { } priors ? priors.AsSpan(0, n * batch.ActionCount) : default);
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
        var metrics = _setup.Metrics;
        metrics.Record("train/policy_loss", _pendingStatistics.Average(s => s.PolicyLoss));
        metrics.Record("train/value_loss", _pendingStatistics.Average(s => s.ValueLoss));
        metrics.Record("train/entropy_loss", _pendingStatistics.Average(s => s.EntropyLoss));
        metrics.Record("train/learning_rate", _optimizer.LearningRate);
        if (Multipliers.Count > 0)
        {
            metrics.Record("train/cost_value_loss", _pendingStatistics.Average(s => s.CostValueLoss));
        }

        _pendingStatistics.Clear();
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
        _setup.Metrics.LogHyperparameters(Multipliers.Count > 0 ? "RC-A2C" : "A2C", Hyperparameters, ConstraintDescription.Describe(_setup, _env.Count));
    }
}
