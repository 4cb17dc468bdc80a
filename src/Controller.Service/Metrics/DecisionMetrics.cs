using Controller.Offloading.Measurement;

namespace Controller.Service.Metrics;

/// <summary>
/// Counters for the decision path, read by the demo summary, benchmarks and the stats endpoint; what operators scrape
/// goes on to <see cref="OperatorMetrics"/>.
/// </summary>
public sealed class DecisionMetrics(OperatorMetrics operators)
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

    /// <summary>A decision <paramref name="policy"/> handed to its fallback, counted here and on <c>/metrics</c> by <see cref="FallbackKind"/>.</summary>
    public void RecordFallback(string policy, string reason)
    {
        Interlocked.Increment(ref _fallbacks);
        operators.RecordFallback(policy, FallbackKind.Of(reason));
    }

    /// <summary>A decision answered <paramref name="elapsedTicks"/> (<see cref="System.Diagnostics.Stopwatch"/> ticks) after its request arrived.</summary>
    public void RecordDecision(string location, string policy, long elapsedTicks, double expectedCostUsd, double expectedEnergyJoules)
    {
        DecisionLatency.RecordTicks(elapsedTicks);
        operators.RecordDecision(location, policy, System.Diagnostics.Stopwatch.GetElapsedTime(0, elapsedTicks), expectedCostUsd, expectedEnergyJoules);
    }

    /// <summary>A turn found its dialogue's ledger moved on by another writer and is decided again.</summary>
    public void RecordLedgerConflict() => operators.RecordLedgerConflict();

    /// <summary>A heartbeat handled <paramref name="lag"/> after the device sent it.</summary>
    public void RecordHeartbeat(bool stored, TimeSpan lag)
    {
        RecordHeartbeat(stored);
        if (stored)
        {
            operators.RecordIngestion("heartbeat", lag);
        }
    }

    /// <summary>An outcome handled <paramref name="lag"/> after the device reported it, with what it reported spending.</summary>
    public void RecordOutcome(bool stored, TimeSpan lag, double costUsd, double energyJoules)
    {
        RecordOutcome(stored);
        if (stored)
        {
            operators.RecordIngestion("outcome", lag);
            operators.RecordReportedSpend(costUsd, energyJoules);
        }
    }

    public void RecordHeartbeat(bool stored) => Interlocked.Increment(ref (stored ? ref _heartbeatsStored : ref _duplicateHeartbeats));

    public void RecordOutcome(bool stored) => Interlocked.Increment(ref (stored ? ref _outcomesStored : ref _duplicateOutcomes));
}
