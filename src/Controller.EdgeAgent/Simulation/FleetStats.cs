using Controller.Contracts;
using Controller.Offloading.Measurement;

namespace Controller.EdgeAgent.Simulation;

/// <summary>What a simulated fleet did, as the agents saw it. Thread-safe; agents record concurrently.</summary>
public sealed class FleetStats
{
    private long _heartbeats;
    private long _requests;
    private long _decisions;
    private long _fallbacks;
    private long _rejected;
    private long _outcomes;
    private long _expired;
    private long _sendFailures;
    private long _qualityCount;
    private readonly long[] _byLocation = new long[Enum.GetValues<Location>().Length];
    private double _latencyMs;
    private double _costUsd;
    private double _energyJ;
    private double _quality;
    private long _tokens;
    private readonly Lock _sums = new();

    /// <summary>Placement round trip as the agent measured it (transport included).</summary>
    public LatencyHistogram RoundTrip { get; } = new();

    public long Heartbeats => Interlocked.Read(ref _heartbeats);
    public long Requests => Interlocked.Read(ref _requests);
    public long Decisions => Interlocked.Read(ref _decisions);
    public long Fallbacks => Interlocked.Read(ref _fallbacks);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Outcomes => Interlocked.Read(ref _outcomes);
    public long Expired => Interlocked.Read(ref _expired);
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    public long CountAt(Location location) => Interlocked.Read(ref _byLocation[(int)location]);

    public void HeartbeatSent() => Interlocked.Increment(ref _heartbeats);
    public void RequestSent() => Interlocked.Increment(ref _requests);
    public void DecisionReceived() => Interlocked.Increment(ref _decisions);
    public void FellBack() => Interlocked.Increment(ref _fallbacks);
    public void WasRejected() => Interlocked.Increment(ref _rejected);
    public void DecisionExpired() => Interlocked.Increment(ref _expired);
    public void SendFailed() => Interlocked.Increment(ref _sendFailures);

    public void OutcomeReported(OutcomeReported outcome)
    {
        Interlocked.Increment(ref _outcomes);
        Interlocked.Increment(ref _byLocation[(int)outcome.ExecutedLocation]);
        lock (_sums)
        {
            _latencyMs += outcome.TotalLatencyMs;
            _costUsd += outcome.CloudCostUsd;
            _energyJ += outcome.DeviceEnergyJoules;
            if (outcome.QualityScore is { } quality)
            {
                _quality += quality;
                _qualityCount++;
            }

            _tokens += outcome.TokensGenerated;
        }
    }

    public FleetSummary Summarise()
    {
        lock (_sums)
        {
            var n = Math.Max(1, Outcomes);
            return new FleetSummary(
                Heartbeats, Requests, Decisions, Outcomes, Fallbacks, Rejected, Expired, SendFailures,
                CountAt(Location.Local), CountAt(Location.Cloud), CountAt(Location.Speculative),
                MeanLatencyMs: _latencyMs / n, TotalCostUsd: _costUsd, MeanCostUsd: _costUsd / n,
                TotalEnergyJoules: _energyJ, MeanEnergyJoules: _energyJ / n, MeanQuality: _qualityCount == 0 ? 0 : _quality / _qualityCount,
                TokensGenerated: _tokens,
                RoundTripP50Us: RoundTrip.PercentileMicroseconds(0.5), RoundTripP99Us: RoundTrip.PercentileMicroseconds(0.99));
        }
    }
}

/// <summary>A snapshot of <see cref="FleetStats"/>; means are per reported outcome.</summary>
public sealed record FleetSummary(
    long Heartbeats, long Requests, long Decisions, long Outcomes, long Fallbacks, long Rejected, long Expired, long SendFailures,
    long Local, long Cloud, long Speculative,
    double MeanLatencyMs, double TotalCostUsd, double MeanCostUsd, double TotalEnergyJoules, double MeanEnergyJoules,
    double MeanQuality, long TokensGenerated, double RoundTripP50Us, double RoundTripP99Us);
