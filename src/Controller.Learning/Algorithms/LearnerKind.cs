namespace Controller.Learning.Algorithms;

/// <summary>A learner as named on the command line and in bundle settings.</summary>
/// <param name="Name">Command-line name: <c>rc-ppo</c>, <c>rc-a2c</c>, <c>rc-dqn</c>, <c>ppo</c>, <c>a2c</c>, <c>dqn</c>.</param>
/// <param name="Family">ppo, a2c or dqn: which algorithm <see cref="LearnerCatalog"/> builds.</param>
/// <param name="Constrained">True for the resource-constrained (Lagrangian) form.</param>
public sealed record LearnerKind(string Name, string Family, bool Constrained)
{
    private const string ConstrainedPrefix = "rc-";

    /// <summary>Every learner name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rc-ppo", "rc-a2c", "rc-dqn", "ppo", "a2c", "dqn"];

    /// <summary>Display label in bundles, metrics and result tables, e.g. <c>RC-PPO</c>.</summary>
    public string Label => LabelOf(Name);

    /// <summary>Parses a name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static LearnerKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.Trim().ToLowerInvariant();
        if (!Names.Contains(lower))
        {
            throw new ArgumentException($"unknown algorithm '{name}'; known algorithms: {string.Join(", ", Names)}", nameof(name));
        }

        var constrained = lower.StartsWith(ConstrainedPrefix, StringComparison.Ordinal);
        return new LearnerKind(lower, constrained ? lower[ConstrainedPrefix.Length..] : lower, constrained);
    }

    /// <summary>The label of <paramref name="family"/> in its plain or constrained form: <c>PPO</c>, <c>RC-PPO</c>.</summary>
    public static string LabelOf(string family, bool constrained) => LabelOf(constrained ? ConstrainedPrefix + family : family);

    /// <summary>
    /// The label of a command-line name, the one rule every label comes from: the name in capitals (<c>rc-ppo</c> →
    /// <c>RC-PPO</c>). Names read back from a bundle's settings go through here too.
    /// </summary>
    public static string LabelOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToUpperInvariant();
    }
}
