using Controller.Learning.Constraints;
using Controller.Learning.Policies;

namespace Controller.Learning.Algorithms;

/// <summary>
/// What a trainer, a bundle writer and the CLI need of a learning algorithm, whichever backend implements it: its
/// label, how far it got, its multipliers and hyperparameters, learning for more steps, and the policy to serve.
/// <see cref="LearnerCatalog"/> builds one from a <see cref="LearnerKind"/>.
/// </summary>
public interface ILearner
{
    /// <summary>Display label written into bundles and metrics, e.g. <c>RC-PPO</c> (<see cref="LearnerKind.LabelOf(string, bool)"/>).</summary>
    string Name { get; }

    /// <summary>Environment steps taken so far (all environments together).</summary>
    long Timesteps { get; }

    /// <summary>Lagrange multipliers, one per constrained cost (none for the unconstrained form).</summary>
    LagrangeMultipliers Multipliers { get; }

    /// <summary>The algorithm's hyperparameter record, as written into the bundle's manifest.</summary>
    object Hyperparameters { get; }

    /// <summary>Trains for at least <paramref name="totalTimesteps"/> more steps, then returns where it ended.</summary>
    TrainingSummary Learn(long totalTimesteps, CancellationToken cancellationToken = default);

    /// <summary>The current policy (a copy) wrapped for serving.</summary>
    Policy ExportPolicy();
}
