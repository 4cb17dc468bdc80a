using Controller.Learning.Backends;
using Controller.Learning.Buffers;
using Controller.Learning.Constraints;
using Controller.Learning.Distributions;
using Controller.Learning.Environments;
using Controller.Learning.Nn;
using Controller.Learning.Policies;

namespace Controller.Learning.Algorithms;

/// <summary>
/// Deep Q-learning (Mnih et al. 2015) following SB3's <c>DQN</c>, with an optional double-DQN target. Masks are hard:
/// exploration draws among allowed actions and targets maximise over the next state's allowed actions. Given budgets in
/// <see cref="TrainingSetup.Constraints"/> it is RC-DQN: rewards are shaped <c>r − Σ λ_k·c_k</c> with the multipliers
/// current when a batch is sampled, and the multipliers follow dual ascent (or PID) on recent episode costs.
/// </summary>
public sealed class Dqn : ILearner
{
    private readonly TrainingSetup _setup;
    private readonly VectorizedEnvironment _env;
    private readonly Random _random;
    private ReplayBuffer? _replay;
    private readonly IQNetworkUpdater _updater;
    private readonly EpisodeWindow _episodes;
    private readonly List<EpisodeStatistics> _finished = [];
    private readonly List<EpisodeStatistics> _sinceMultiplierUpdate = [];
    private readonly float[] _normalized;
    private readonly float[] _nextNormalized;
    private readonly int[] _actions;
    private readonly float[] _constraintCosts;
    private readonly int[] _indices;
    private readonly float[] _batchObservations;
    private readonly float[] _batchNextObservations;
    private readonly float[] _nextValues;
    private readonly float[] _rewards;
    private readonly bool[] _terminated;
    private readonly float[] _targets;
    private readonly int[] _batchActions;
    private long _vectorSteps;
    private int _lossCount;
    private double _lossSum;
    private bool _hyperparametersLogged;

    /// <summary>DQN whose gradient steps run on <paramref name="backend"/> (the managed core when null).</summary>
    public Dqn(TrainingSetup setup, DqnHyperparameters? hyperparameters = null, ITrainingBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Hyperparameters = hyperparameters ?? new DqnHyperparameters();
        Hyperparameters.Validate();
        _setup = setup;
        _env = new VectorizedEnvironment(setup.Environments);
        Observation = setup.ResolveObservation();
        Actions = setup.ResolveActions();
        Multipliers = new LagrangeMultipliers(setup.Constraints, _env.Spec);
        _random = new Random(setup.Seed);
        var hp = Hyperparameters;
        var spec = _env.Spec;
        QNetwork = Mlp.Create("q_net", spec.ObservationSize, hp.Hidden, spec.ActionCount, hp.Activation, WeightInit.Xavier, _random);
        TargetNetwork = QNetwork.Clone();
        _updater = (backend ?? ManagedBackend.Instance).CreateDqnUpdater(QNetwork, hp);
        _episodes = new EpisodeWindow(spec);
        var o = spec.ObservationSize;
        var b = hp.BatchSize;
        _normalized = new float[_env.Count * o];
        _nextNormalized = new float[o];
        _actions = new int[_env.Count];
        _constraintCosts = new float[Multipliers.Count];
        _indices = new int[b];
        _batchObservations = new float[b * o];
        _batchNextObservations = new float[b * o];
        _nextValues = new float[b];
        _rewards = new float[b];
        _terminated = new bool[b];
        _targets = new float[b];
        _batchActions = new int[b];
        _env.Reset(setup.Seed);
    }

    public DqnHyperparameters Hyperparameters { get; }

    object ILearner.Hyperparameters => Hyperparameters;

    /// <summary>Display label: <c>DQN</c> or <c>RC-DQN</c>.</summary>
    public string Name => LearnerKind.LabelOf("dqn", Multipliers.Count > 0);

    public Mlp QNetwork { get; }

    public Mlp TargetNetwork { get; }

    public LagrangeMultipliers Multipliers { get; }

    public ObservationSpec Observation { get; }

    public ActionSpec Actions { get; }

    public long Timesteps { get; private set; }

    /// <summary>Exploration rate of the last step.</summary>
    public double Epsilon { get; private set; } = 1.0;

    /// <summary>Environment steps between metrics dumps.</summary>
    public int LogInterval { get; init; } = 1000;

    /// <summary>Trains for <paramref name="totalTimesteps"/> more environment steps, then returns where it ended.</summary>
    public TrainingSummary Learn(long totalTimesteps, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalTimesteps, 1L);
        var hp = Hyperparameters;

        // Storage for more transitions than the run will ever make is wasted; later runs reuse it as a ring.
        _replay ??= new ReplayBuffer((int)Math.Min(hp.BufferSize, totalTimesteps), _env.Spec.ObservationSize, _env.Spec.ActionCount, Multipliers.Count);
        LogHyperparametersOnce();
        var n = _env.Count;
        var o = _env.Spec.ObservationSize;
        var a = _env.Spec.ActionCount;
        var start = Timesteps;
        var nextLog = Timesteps + LogInterval;
        var nextMultiplierUpdate = Timesteps + hp.MultiplierUpdateInterval;
        while (Timesteps - start < totalTimesteps)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // ε-greedy over allowed actions, ε decaying linearly over the first ExplorationFraction of training.
            var progress = (double)(Timesteps - start) / totalTimesteps;
            Epsilon = progress >= hp.ExplorationFraction
                ? hp.ExplorationFinalEpsilon
                : hp.ExplorationInitialEpsilon + ((hp.ExplorationFinalEpsilon - hp.ExplorationInitialEpsilon) * progress / hp.ExplorationFraction);
            for (var e = 0; e < n; e++)
            {
                Observation.Normalize(_env.Observations.AsSpan(e * o, o), _normalized.AsSpan(e * o, o));
            }

            var q = QNetwork.Forward(_normalized, n);
            for (var e = 0; e < n; e++)
            {
                var mask = _env.Masks.AsSpan(e * a, a);
                _actions[e] = _random.NextDouble() < Epsilon ? RandomAllowedAction(mask) : MaskedCategorical.ArgMax(q.Slice(e * a, a), mask);
            }

            // Step and store transitions; a truncated episode's next state is its terminal observation.
            _finished.Clear();
            _env.Step(_actions, _finished);
            for (var e = 0; e < n; e++)
            {
                var done = _env.Terminated[e] || _env.Truncated[e];
                var nextRaw = done ? _env.TerminalObservations.AsSpan(e * o, o) : _env.Observations.AsSpan(e * o, o);
                var nextMask = done ? _env.TerminalMasks.AsSpan(e * a, a) : _env.Masks.AsSpan(e * a, a);
                Observation.Normalize(nextRaw, _nextNormalized);
                for (var k = 0; k < Multipliers.Count; k++)
                {
                    _constraintCosts[k] = _env.Costs[(e * _env.Spec.CostCount) + Multipliers.CostIndices[k]];
                }

                _replay.Add(_normalized.AsSpan(e * o, o), _actions[e], _env.Rewards[e], _constraintCosts, _nextNormalized, nextMask, _env.Terminated[e]);
            }

            Timesteps += n;
            _vectorSteps++;
            _episodes.Add(_finished);
            _sinceMultiplierUpdate.AddRange(_finished);

            // Constrained form: dual ascent every MultiplierUpdateInterval steps.
            if (Timesteps >= nextMultiplierUpdate)
            {
                Multipliers.Update(_sinceMultiplierUpdate);
                _sinceMultiplierUpdate.Clear();
                nextMultiplierUpdate += hp.MultiplierUpdateInterval;
            }

            if (Timesteps > hp.LearningStarts && _vectorSteps % hp.TrainFrequency == 0)
            {
                for (var g = 0; g < hp.GradientSteps; g++)
                {
                    TrainStep(_replay);
                }
            }

            if (_vectorSteps % Math.Max(1, hp.TargetUpdateInterval / n) == 0)
            {
                UpdateTarget();
            }

            if (Timesteps >= nextLog)
            {
                RecordMetrics();
                nextLog += LogInterval;
            }
        }

        return _episodes.Summarize(Timesteps, Multipliers);
    }

    /// <summary>The current Q-network (a copy) wrapped for serving: greedy over allowed actions.</summary>
    public Policy ExportPolicy() => new(QNetwork.Clone(), PolicyHead.QValues, Observation, Actions);

    private void TrainStep(ReplayBuffer replay)
    {
        var hp = Hyperparameters;
        var batch = hp.BatchSize;
        var o = replay.ObservationSize;
        var a = replay.ActionCount;
        var c = replay.ConstraintCount;
        replay.SampleIndices(_random, _indices);
        for (var b = 0; b < batch; b++)
        {
            var i = _indices[b];
            replay.Observations.AsSpan(i * o, o).CopyTo(_batchObservations.AsSpan(b * o, o));
            replay.NextObservations.AsSpan(i * o, o).CopyTo(_batchNextObservations.AsSpan(b * o, o));
            _terminated[b] = replay.Terminated[i];
            _batchActions[b] = replay.Actions[i];

            // Constrained form: shape with today's multipliers, not those of when the transition was stored.
            _rewards[b] = Multipliers.Shape(replay.Rewards[i], replay.Costs.AsSpan(i * c, c));
        }

        // Next-state value over allowed actions: max of the target (DQN) or target at the online argmax (double DQN).
        var targetQ = TargetNetwork.Forward(_batchNextObservations, batch);
        var onlineNextQ = hp.DoubleDqn ? QNetwork.Forward(_batchNextObservations, batch) : default;
        for (var b = 0; b < batch; b++)
        {
            var nextMask = replay.NextMasks.AsSpan(_indices[b] * a, a);
            var row = targetQ.Slice(b * a, a);
            var best = MaskedCategorical.ArgMax(hp.DoubleDqn ? onlineNextQ.Slice(b * a, a) : row, nextMask);
            _nextValues[b] = row[best];
        }

        TdTargets.Compute(_rewards, _nextValues, _terminated, hp.Gamma, _targets);

        // Huber loss on Q(s, a) of the taken actions, one step on the backend; acting and targets read the managed copy.
        var loss = _updater.Step(_batchObservations, _batchActions, _targets, batch);
        _updater.CopyWeightsTo(QNetwork);
        _lossSum += loss;
        _lossCount++;
    }

    private void UpdateTarget()
    {
        var tau = (float)Hyperparameters.Tau;
        for (var p = 0; p < QNetwork.Parameters.Count; p++)
        {
            var online = QNetwork.Parameters[p].Value;
            var target = TargetNetwork.Parameters[p].Value;
            for (var i = 0; i < online.Length; i++)
            {
                target[i] = tau == 1f ? online[i] : (tau * online[i]) + ((1 - tau) * target[i]);
            }
        }
    }

    private int RandomAllowedAction(ReadOnlySpan<bool> mask)
    {
        var allowed = 0;
        foreach (var m in mask)
        {
            allowed += m ? 1 : 0;
        }

        var pick = _random.Next(allowed);
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] && pick-- == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("The action mask allows no action.");
    }

    private void RecordMetrics()
    {
        var metrics = _setup.Metrics;
        if (_lossCount > 0)
        {
            metrics.Record("train/loss", _lossSum / _lossCount);
        }

        metrics.Record("rollout/exploration_rate", Epsilon);
        metrics.Record("train/learning_rate", _updater.LearningRate);
        _lossSum = 0;
        _lossCount = 0;
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
        _setup.Metrics.LogHyperparameters(Name, Hyperparameters, ConstraintDescription.Describe(_setup, _env.Count));
    }
}
