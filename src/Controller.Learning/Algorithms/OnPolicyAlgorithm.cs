using Controller.Learning.Backends;
using Controller.Learning.Buffers;
using Controller.Learning.Constraints;
using Controller.Learning.Environments;
using Controller.Learning.Metrics;
using Controller.Learning.Optim;
using Controller.Learning.Policies;

namespace Controller.Learning.Algorithms;

/// <summary>
/// The loop PPO and A2C share, as Stable-Baselines3's <c>OnPolicyAlgorithm</c>: it owns the environments, the
/// actor-critic, the rollout buffer and the learning-rate schedule, and per rollout it collects → updates the Lagrange
/// multipliers (the constrained form) → computes GAE advantages for the reward and every cost, then hands the buffer
/// to the algorithm's <see cref="Train"/>. Each algorithm writes only its update, its loss and its metrics.
/// </summary>
/// <typeparam name="THyperparameters">The algorithm's documented hyperparameter record.</typeparam>
public abstract class OnPolicyAlgorithm<THyperparameters> : ILearner
    where THyperparameters : IOnPolicyHyperparameters
{
    private readonly TrainingSetup _setup;
    private readonly VectorizedEnvironment _env;
    private readonly OnPolicyCollector _collector;
    private readonly EpisodeWindow _episodes;
    private readonly double[] _lambdas;
    private readonly string _family;
    private bool _hyperparametersLogged;

    /// <summary>Builds everything the loop owns, in the order that fixes every random draw for a seed.</summary>
    /// <param name="family">ppo or a2c, for the label (<see cref="LearnerKind.LabelOf(string, bool)"/>).</param>
    /// <param name="createUpdater">The algorithm's loss and optimiser over the actor-critic, on the chosen backend.</param>
    private protected OnPolicyAlgorithm(
        TrainingSetup setup, THyperparameters hyperparameters, string family, Func<ActorCritic, THyperparameters, IActorCriticUpdater> createUpdater)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(createUpdater);
        hyperparameters.Validate();
        Hyperparameters = hyperparameters;
        _setup = setup;
        _family = family;
        _env = new VectorizedEnvironment(setup.Environments, readLogPriors: setup.StateLogPrior);
        Observation = setup.ResolveObservation();
        Actions = setup.ResolveActions();
        Multipliers = new LagrangeMultipliers(setup.Constraints, _env.Spec);
        Random = new Random(setup.Seed);
        var hp = Hyperparameters;
        var spec = _env.Spec;
        Model = ActorCritic.Create(spec.ObservationSize, spec.ActionCount, Multipliers.Count, hp.Hidden, hp.Activation, Random);
        setup.ApplyPolicyLogitPrior(Model);
        Buffer = new RolloutBuffer(hp.StepsPerRollout, _env.Count, spec.ObservationSize, spec.ActionCount, Multipliers.Count, _env.LogPriors is not null);
        _collector = new OnPolicyCollector(_env, Model, Observation, Multipliers, Random, hp.Gamma, setup.Seed);
        Updater = createUpdater(Model, hp);
        _episodes = new EpisodeWindow(spec);
        _lambdas = new double[Multipliers.Count];
    }

    public THyperparameters Hyperparameters { get; }

    object ILearner.Hyperparameters => Hyperparameters;

    /// <summary>Display label: <c>PPO</c>, <c>RC-PPO</c>, <c>A2C</c>, <c>RC-A2C</c>.</summary>
    public string Name => LearnerKind.LabelOf(_family, Multipliers.Count > 0);

    public ActorCritic Model { get; }

    public LagrangeMultipliers Multipliers { get; }

    public ObservationSpec Observation { get; }

    public ActionSpec Actions { get; }

    /// <summary>Environment steps taken so far (all environments together).</summary>
    public long Timesteps { get; private set; }

    /// <summary>The rollout the loop collected and computed advantages for; <see cref="Train"/> reads it.</summary>
    private protected RolloutBuffer Buffer { get; }

    /// <summary>Loss, gradients and optimiser step on the backend the learner was built for; the model is synced once per rollout.</summary>
    private protected IActorCriticUpdater Updater { get; }

    /// <summary>The seeded source of every random draw: initial weights, sampled actions, minibatch shuffles.</summary>
    private protected Random Random { get; }

    /// <summary>The multipliers as of this rollout's dual-ascent step, which the Lagrangian advantage weighs costs by.</summary>
    private protected double[] Lambdas => _lambdas;

    /// <summary>Where the algorithm records its <c>train/*</c> metrics before <see cref="DumpMetrics"/>.</summary>
    private protected MetricsLogger Metrics => _setup.Metrics;

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
            Updater.LearningRate = hp.FinalLearningRate is { } final
                ? LearningRateSchedule.Linear(hp.LearningRate, final).At(progressRemaining)
                : hp.LearningRate;

            // Collect: one rollout of StepsPerRollout steps in every environment.
            _collector.Collect(Buffer);
            Timesteps += Buffer.Size;
            _episodes.Add(_collector.Finished);

            // Constrained form: dual ascent on the multipliers from the episodes that finished in this rollout.
            Multipliers.Update(_collector.Finished);
            for (var k = 0; k < _lambdas.Length; k++)
            {
                _lambdas[k] = Multipliers.Values[k];
            }

            // Advantages and returns (GAE; λ = 1 is the n-step return) for the reward and every constrained cost.
            Buffer.ComputeAdvantages(_collector.LastValues, _collector.LastCostValues, hp.Gamma, hp.GaeLambda);

            Train(finalRollout: Timesteps - start >= totalTimesteps);

            // The next rollout (and any export) acts with the weights the backend just trained.
            SyncModel();
        }

        return _episodes.Summarize(Timesteps, Multipliers);
    }

    /// <summary>Brings the backend's trained weights into <see cref="Model"/>, as <see cref="Learn"/> does after every update (benchmarks time it).</summary>
    internal void SyncModel() => Updater.CopyWeightsTo(Model);

    /// <summary>The current policy network (a copy) wrapped for serving.</summary>
    public Policy ExportPolicy() => new(Model.Policy.Clone(), PolicyHead.Categorical, Observation, Actions);

    /// <summary>The algorithm's update from <see cref="Buffer"/>, whose advantages are computed, with <see cref="Lambdas"/>.</summary>
    /// <param name="finalRollout">True for the last rollout of this <see cref="Learn"/> call (flush pending metrics).</param>
    private protected abstract void Train(bool finalRollout);

    /// <summary>Adds the episode and multiplier metrics to the <c>train/*</c> ones the algorithm recorded and writes one row.</summary>
    private protected void DumpMetrics()
    {
        _episodes.Record(_setup.Metrics, Multipliers);
        _setup.Metrics.Dump(Timesteps);
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
