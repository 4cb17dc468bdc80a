namespace Controller.Benchmarks;

/// <summary>Every benchmark <c>controller bench</c> knows, by name. Add one line per new benchmark.</summary>
public static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new Controller.Benchmarks.Decisions.DecisionThroughputBenchmark(),
        new Controller.Benchmarks.Decisions.DecisionLogBenchmark(),
        new Controller.Benchmarks.Learning.PolicyForwardBenchmark(),
        new Controller.Benchmarks.Learning.PpoUpdateBenchmark(),
        new Controller.Benchmarks.Learning.BackendComparisonBenchmark(),
        new Controller.Benchmarks.OffPolicy.OffPolicyEvaluationBenchmark(),
    ];

    public static IBenchmark? Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}
