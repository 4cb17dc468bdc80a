namespace Controller.Learning.Algorithms;

/// <summary>
/// The one place that turns a <see cref="LearnerKind"/> into an <see cref="ILearner"/>. Trainers and the CLI call
/// <see cref="Create"/> and see only the interface, so another backend is one more entry in <see cref="Builders"/>.
/// </summary>
public static class LearnerCatalog
{
    private static readonly Dictionary<string, Func<TrainingSetup, long, LearnerHyperparameters, ILearner>> Builders = new(StringComparer.Ordinal)
    {
        ["ppo"] = (setup, _, hp) => new Ppo(setup, hp.Ppo),
        ["a2c"] = (setup, _, hp) => new A2c(setup, hp.A2c),
        ["dqn"] = (setup, steps, hp) => new Dqn(setup, hp.Dqn ?? SizedDqn(steps)),
    };

    /// <summary>Builds the learner <paramref name="kind"/> names on <paramref name="setup"/>.</summary>
    /// <param name="plannedTimesteps">Steps the caller will train for; sizes what depends on it (DQN's replay buffer).</param>
    /// <param name="hyperparameters">Per-family overrides; null fields take the documented defaults.</param>
    /// <exception cref="ArgumentException">No learner of <paramref name="kind"/>'s family.</exception>
    public static ILearner Create(LearnerKind kind, TrainingSetup setup, long plannedTimesteps, LearnerHyperparameters? hyperparameters = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!Builders.TryGetValue(kind.Family, out var build))
        {
            throw new ArgumentException($"no learner for the family '{kind.Family}'; known families: {string.Join(", ", Builders.Keys)}", nameof(kind));
        }

        return build(setup, plannedTimesteps, hyperparameters ?? new LearnerHyperparameters());
    }

    // The replay buffer never needs more room than the run has steps (SB3's 1e6 would waste memory here).
    private static DqnHyperparameters SizedDqn(long steps) =>
        new(BufferSize: (int)Math.Min(new DqnHyperparameters().BufferSize, Math.Max(steps, 1000)));
}
