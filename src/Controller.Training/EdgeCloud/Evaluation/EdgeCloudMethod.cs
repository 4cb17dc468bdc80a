using Controller.Training.EdgeCloud.Baselines;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>A method in the comparison: a name and how to build its policy for one simulated device of a seed.</summary>
/// <param name="Name">Name in the tables.</param>
/// <param name="Create">Builds a fresh policy; gets the evaluation seed.</param>
/// <param name="Provenance">For a learned method: how it was trained, and where that differs from the evaluation.</param>
public sealed record EdgeCloudMethod(string Name, Func<int, IEdgeCloudPolicy> Create, string? Provenance = null)
{
    /// <summary>The baselines named by <paramref name="names"/> (<c>all</c>, <c>none</c> or a comma list).</summary>
    public static IReadOnlyList<EdgeCloudMethod> Baselines(string names, Environments.EdgeCloudEnvironmentOptions options) =>
        EdgeCloudBaselines.Resolve(names).Select(b => new EdgeCloudMethod(b.Name, _ => b.Create(options))).ToList();
}
