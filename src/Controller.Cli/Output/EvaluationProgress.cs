using Controller.Learning.Metrics;

namespace Controller.Cli.Output;

/// <summary>The label of an evaluation's progress bar, shared by the TMO and edge–cloud evaluations.</summary>
internal static class EvaluationProgress
{
    /// <summary>"12 methods × 1 seed".</summary>
    public static string Describe(int methods, int seeds) => $"{Plural.Of(methods, "method")} × {Plural.Of(seeds, "seed")}";
}
