using Controller.Offloading.Measurement;

namespace Controller.Service.Metrics;

/// <summary>Counters for the decision path, read by the demo summary, benchmarks and the stats endpoint.</summary>
public sealed class DecisionMetrics
{
    /// <summary>Time inside the decision path: validation, state lookup, policy, logging the decision.</summary>
    public LatencyHistogram DecisionLatency { get; } = new();

    private long _rejected;
    private long _fallbacks;
    private long _heartbeatsStored;
    private long _duplicateHeartbeats;
    private long _outcomesStored;
    private long _duplicateOutcomes;

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Heartbeats stored, each once; a redelivery counts in <see cref="DuplicateHeartbeats"/> instead.</summary>
    public long HeartbeatsStored => Interlocked.Read(ref _heartbeatsStored);

    public long DuplicateHeartbeats => Interlocked.Read(ref _duplicateHeartbeats);

    /// <summary>Outcomes stored, each once; a redelivery counts in <see cref="DuplicateOutcomes"/> instead.</summary>
    public long OutcomesStored => Interlocked.Read(ref _outcomesStored);

    public long DuplicateOutcomes => Interlocked.Read(ref _duplicateOutcomes);

    /// <summary>Decisions the active policy handed to its fallback (baseline-greedy), whatever the reason.</summary>
    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    public void RecordRejected() => Interlocked.Increment(ref _rejected);

    public void RecordFallback() => Interlocked.Increment(ref _fallbacks);

    public void RecordHeartbeat(bool stored) => Interlocked.Increment(ref (stored ? ref _heartbeatsStored : ref _duplicateHeartbeats));

    public void RecordOutcome(bool stored) => Interlocked.Increment(ref (stored ? ref _outcomesStored : ref _duplicateOutcomes));
}
