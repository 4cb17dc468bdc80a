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

    /// <summary>Where training metrics go; silent by default.</summary>
    public MetricsLogger Metrics { get; init; } = MetricsLogger.Silent;

    internal EnvironmentSpec Spec => Environments.Count > 0
        ? Environments[0].Spec
        : throw new ArgumentException("TrainingSetup needs at least one environment.", nameof(Environments));

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
