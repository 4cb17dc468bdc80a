using Controller.Training.Tmo.Baselines;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>The baselines by name, for <c>--baselines</c>.</summary>
public static class BaselineCatalog
{
    /// <summary>Command-line names of every baseline, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["local", "cloud", "random", "greedy", "greedy-budget", "epsilon-greedy", "ucb1", "linucb", "thompson", "oracle", "oracle-feasible"];

    /// <summary>
    /// Resolves a comma-separated list (or <c>all</c>, or <c>none</c>) into methods.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name; the message lists the known ones.</exception>
    public static IReadOnlyList<EvaluationMethod> Resolve(string names)
    {
        var trimmed = names.Trim();
        if (trimmed.Equals("none", StringComparison.OrdinalIgnoreCase) || trimmed.Length == 0)
        {
            return [];
        }

        var requested = trimmed.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? Names
            : trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return requested.Select(Create).ToList();
    }

    private static EvaluationMethod Create(string name) => name.ToLowerInvariant() switch
    {
        "local" => new("Local", _ => new LocalPolicy()),
        "cloud" => new("Cloud", c => new CloudPolicy(c.Seed)),
        "random" => new("Random", c => new RandomPolicy(c.Seed)),
        "greedy" => new("Greedy", _ => new GreedyPolicy(budgetAware: false)),
        "greedy-budget" => new("Greedy (budget-respecting)", _ => new GreedyPolicy(budgetAware: true)),
        "epsilon-greedy" => new("ε-greedy", c => new EpsilonGreedyPolicy(TaskCount(c), c.Problem.Space.ActionCount, c.Seed)),
        "ucb1" => new("UCB1", c => new Ucb1Policy(TaskCount(c), c.Problem.Space.ActionCount)),
        "linucb" => new("LinUCB", c => new LinUcbPolicy(TaskCount(c), c.Problem.Space.ActionCount)),
        "thompson" => new("Thompson sampling", c => new ThompsonSamplingPolicy(TaskCount(c), c.Problem.Space.ActionCount, c.Seed)),
        "oracle" => new("Oracle", c => new OraclePolicy(c.Oracle, budgetFeasible: false)),
        "oracle-feasible" => new("Oracle (budget-feasible)", c => new OraclePolicy(c.Oracle, budgetFeasible: true)),
        _ => throw new ArgumentException($"unknown baseline '{name}'; known baselines: all, none, {string.Join(", ", Names)}", nameof(name)),
    };

    private static int TaskCount(EvaluationContext context) => context.Problem.Dataset.TaskNames.Count;
}
