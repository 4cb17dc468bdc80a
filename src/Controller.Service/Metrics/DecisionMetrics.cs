using Controller.Offloading.Measurement;

namespace Controller.Service.Metrics;

/// <summary>Counters for the decision path, read by the demo summary, benchmarks and the stats endpoint.</summary>
public sealed class DecisionMetrics
{
    /// <summary>Time inside the decision path: validation, state lookup, policy, logging the decision.</summary>
    public LatencyHistogram DecisionLatency { get; } = new();

    private long _rejected;

    public long Rejected => Interlocked.Read(ref _rejected);

    public void RecordRejected() => Interlocked.Increment(ref _rejected);
}
