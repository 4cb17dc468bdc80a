namespace Controller.Learning.Environments;

/// <summary>
/// A constrained episodic environment. Observations, action masks and cost vectors are written into
/// spans the caller owns, so a rollout loop allocates nothing per step.
/// </summary>
public interface IEnvironment
{
    EnvironmentSpec Spec { get; }

    /// <summary>Starts an episode. <paramref name="seed"/> reseeds the environment's randomness when given.</summary>
    /// <param name="observation">Receives the first observation (length <see cref="EnvironmentSpec.ObservationSize"/>).</param>
    /// <param name="actionMask">Receives which actions are allowed now (length <see cref="EnvironmentSpec.ActionCount"/>); at least one is true.</param>
    void Reset(int? seed, Span<float> observation, Span<bool> actionMask);

    /// <summary>Applies <paramref name="action"/>, which must be allowed by the last mask.</summary>
    /// <param name="observation">Receives the next observation; after a terminal step, the terminal observation.</param>
    /// <param name="actionMask">Receives the next mask.</param>
    /// <param name="costs">Receives the cost incurred by this step, one entry per <see cref="EnvironmentSpec.CostNames"/>.</param>
    StepResult Step(int action, Span<float> observation, Span<bool> actionMask, Span<float> costs);
}
