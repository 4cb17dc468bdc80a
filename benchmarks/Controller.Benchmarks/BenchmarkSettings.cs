using Controller.Learning.Backends;

namespace Controller.Benchmarks;

/// <summary>Knobs shared by all benchmarks.</summary>
/// <param name="Duration">How long each measured phase runs (after warm-up).</param>
/// <param name="Seed">Seed for generated inputs, so runs are comparable.</param>
/// <param name="PythonPath">Interpreter for PyTorch peers; Debian's <c>/usr/bin/python3</c> by default.</param>
/// <param name="TorchSharp">
/// The TorchSharp backend with libtorch set to the given thread count, for benchmarks that compare backends; the host
/// loads it on demand (null: not available, and those rows say so).
/// </param>
/// <param name="Replications">Replications of a statistical benchmark (<c>ope</c>); null for its own default.</param>
public sealed record BenchmarkSettings(TimeSpan Duration, int Seed = 0, string PythonPath = "/usr/bin/python3", Func<int, ITrainingBackend>? TorchSharp = null, int? Replications = null);
