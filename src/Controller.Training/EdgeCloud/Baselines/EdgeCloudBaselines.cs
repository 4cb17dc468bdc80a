using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>The edge–cloud baselines by command-line name, for <c>--baselines</c>.</summary>
public static class EdgeCloudBaselines
{
    /// <summary>Names in table order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["fixed-1", "fixed-2", "fixed-4", "fixed-8", "analytic", "analytic-greedy", "heuristic", "ucb", "cloud", "local", "greedy", "min-latency"];

    /// <summary>Resolves <c>all</c>, <c>none</c> or a comma list into (name, factory) pairs; a factory builds one device's policy.</summary>
    /// <exception cref="ArgumentException">An unknown name; the message lists the known ones.</exception>
    public static IReadOnlyList<(string Name, Func<EdgeCloudEnvironmentOptions, IEdgeCloudPolicy> Create)> Resolve(string names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var trimmed = names.Trim();
        if (trimmed.Length == 0 || trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var requested = trimmed.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? Names
            : trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return requested.Select(Create).ToList();
    }

    private static (string, Func<EdgeCloudEnvironmentOptions, IEdgeCloudPolicy>) Create(string name)
    {
        Func<EdgeCloudEnvironmentOptions, IEdgeCloudPolicy> factory = name.ToLowerInvariant() switch
        {
            "fixed-1" => _ => new FixedDraftPolicy(1),
            "fixed-2" => _ => new FixedDraftPolicy(2),
            "fixed-4" => _ => new FixedDraftPolicy(4),
            "fixed-8" => _ => new FixedDraftPolicy(8),
            "analytic" => _ => new AnalyticDraftPolicy(),
            "analytic-greedy" => _ => new AnalyticGreedyPolicy(),
            "heuristic" => _ => new HeuristicSchedulePolicy(),
            "ucb" => o => new UcbDraftPolicy(o.MaxDraftLength),
            "cloud" => _ => new FixedLocationPolicy(cloud: true),
            "local" => _ => new FixedLocationPolicy(cloud: false),
            "greedy" => _ => BestExpectedPolicy.GreedyRate(),
            "min-latency" => _ => BestExpectedPolicy.MinLatency(),
            _ => throw new ArgumentException($"unknown edge-cloud baseline '{name}'; known: all, none, {string.Join(", ", Names)}", nameof(name)),
        };
        return (factory(new EdgeCloudEnvironmentOptions()).Name, factory);
    }
}
