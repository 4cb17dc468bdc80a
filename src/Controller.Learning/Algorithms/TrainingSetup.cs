using Controller.Learning.Constraints;
using Controller.Learning.Environments;
using Controller.Learning.Metrics;
using Controller.Learning.Policies;

namespace Controller.Learning.Algorithms;

/// <summary>
/// Everything a learner needs besides its hyperparameters. With <see cref="Constraints"/> left at
/// <see cref="ConstraintSettings.None"/> the learner is the plain algorithm; with budgets it is the RC form.
/// </summary>
/// <param name="Environments">One or more environments of one spec, stepped as a vector (SB3 uses one by default).</param>
/// <param name="Seed">Seeds network initialisation, sampling, shuffling and the environments (env <c>i</c> gets <c>Seed + i</c>).</param>
public sealed record TrainingSetup(IReadOnlyList<IEnvironment> Environments, int Seed = 0)
{
    /// <summary>Budgets and multiplier updates; none by default.</summary>
    public ConstraintSettings Constraints { get; init; } = ConstraintSettings.None;

    /// <summary>Feature names and normalisation applied to every observation; identity with <c>x0…</c> names when null.</summary>
    public ObservationSpec? Observation { get; init; }

    /// <summary>Action names; <c>a0…</c> when null.</summary>
    public ActionSpec? Actions { get; init; }

    /// <summary>
    /// Initial logits of a categorical policy (PPO, A2C): the policy head's output bias starts here instead of at zero, so
    /// the untrained policy samples from softmax(prior) — a log-prior over actions that learning then revises. One finite
    /// value per action; null keeps SB3's zero bias. Q-learning (DQN) ignores it: a Q-value is not a log-probability.
    /// </summary>
    public IReadOnlyList<float>? PolicyLogitPrior { get; init; }

    /// <summary>
    /// PPO and A2C only: add the environments' <see cref="IActionPrior"/> log-prior to the policy's logits on every step, so
    /// the network learns a correction to it; the trained network must be served with the same prior (the exported
    /// <see cref="Policy"/> does not carry it). Off by default; DQN ignores it.
    /// </summary>
    /// <exception cref="ArgumentException">(At construction of the learner) an environment does not implement <see cref="IActionPrior"/>.</exception>
    public bool StateLogPrior { get; init; }

    /// <summary>Where training metrics go; silent by default.</summary>
    public MetricsLogger Metrics { get; init; } = MetricsLogger.Silent;

    internal EnvironmentSpec Spec => Environments.Count > 0
        ? Environments[0].Spec
        : throw new ArgumentException("TrainingSetup needs at least one environment.", nameof(Environments));

    /// <summary>Writes <see cref="PolicyLogitPrior"/> into <paramref name="model"/>'s policy head bias (nothing when null).</summary>
    internal void ApplyPolicyLogitPrior(ActorCritic model)
    {
        if (PolicyLogitPrior is not { } prior)
        {
            return;
        }

        if (prior.Count != Spec.ActionCount)
        {
            throw new ArgumentException($"Policy logit prior has {prior.Count} entries; the environment has {Spec.ActionCount} actions.", nameof(PolicyLogitPrior));
        }

        for (var a = 0; a < prior.Count; a++)
        {
            if (!float.IsFinite(prior[a]))
            {
                throw new ArgumentException($"Policy logit prior entry {a} is {prior[a]}; every entry must be finite (mask an action instead of giving it −∞).", nameof(PolicyLogitPrior));
            }
        }

        var bias = model.Policy.Parameters[^1];
        for (var a = 0; a < prior.Count; a++)
        {
            bias.Value[a] = prior[a];
        }
    }

    internal ObservationSpec ResolveObservation()
    {
        var spec = Observation ?? ObservationSpec.Identity(Spec.ObservationSize);
        spec.Validate();
        if (spec.Size != Spec.ObservationSize)
        {
            throw new ArgumentException($"Observation spec names {spec.Size} features; the environment observes {Spec.ObservationSize}.", nameof(Observation));
        }

        return spec;
    }

    internal ActionSpec ResolveActions()
    {
        var actions = Actions ?? ActionSpec.Unnamed(Spec.ActionCount);
        if (actions.Count != Spec.ActionCount)
        {
            throw new ArgumentException($"Action spec names {actions.Count} actions; the environment has {Spec.ActionCount}.", nameof(Actions));
        }

        return actions;
    }
}
