namespace Controller.Training.Learners;

/// <summary>A learner for the TMO problem, as named on the command line.</summary>
/// <param name="Name">Command-line name: <c>rc-ppo</c>, <c>rc-a2c</c>, <c>rc-dqn</c>, <c>ppo</c>, <c>a2c</c>, <c>dqn</c>.</param>
/// <param name="Family">ppo, a2c or dqn.</param>
/// <param name="Constrained">True for the resource-constrained (Lagrangian) form.</param>
public sealed record TmoAlgorithm(string Name, string Family, bool Constrained)
{
    /// <summary>Every algorithm name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rc-ppo", "rc-a2c", "rc-dqn", "ppo", "a2c", "dqn"];

    /// <summary>Parses a name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static TmoAlgorithm Parse(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (!Names.Contains(lower))
        {
            throw new ArgumentException($"unknown algorithm '{name}'; known algorithms: {string.Join(", ", Names)}", nameof(name));
        }

        var constrained = lower.StartsWith("rc-", StringComparison.Ordinal);
        return new TmoAlgorithm(lower, constrained ? lower[3..] : lower, constrained);
    }
}
