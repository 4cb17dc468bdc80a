namespace Controller.Benchmarks;

/// <summary>
/// A benchmark run by <c>controller bench NAME</c>. Each one measures our implementation and, where
/// the issue names one, its peer in the same run, so the report carries ratios as well as times.
/// </summary>
public interface IBenchmark
{
    /// <summary>Name on the command line, e.g. <c>decisions</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>controller bench --help</c>.</summary>
    string Description { get; }

    Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, IProgress<string> progress, CancellationToken cancellationToken);
}
