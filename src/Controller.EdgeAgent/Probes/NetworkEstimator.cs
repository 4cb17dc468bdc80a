namespace Controller.EdgeAgent.Probes;

/// <summary>
/// Link estimates from the agent's own traffic, no probing packets: round trips of small exchanges and the throughput
/// of large transfers, each smoothed by an exponentially weighted moving average. The RTT follows TCP's estimator
/// (RFC 6298: gain 1/8 for the mean, 1/4 for the deviation); throughput uses <paramref name="throughputGain"/>.
/// Samples that are not finite and positive are ignored, so a clock step cannot poison the estimate. Thread-safe.
/// </summary>
/// <param name="throughputGain">EWMA weight of a new throughput sample, (0, 1]. Default 0.25: a handful of transfers.</param>
/// <param name="minTransferBytes">Transfers smaller than this measure latency more than bandwidth and are not throughput samples. Default 16 KiB.</param>
public sealed class NetworkEstimator(double throughputGain = 0.25, long minTransferBytes = 16 * 1024) : INetworkProbe
{
    private const double RttGain = 1.0 / 8, RttVariationGain = 1.0 / 4;

    private readonly double _throughputGain = throughputGain is > 0 and <= 1
        ? throughputGain
        : throw new ArgumentOutOfRangeException(nameof(throughputGain), throughputGain, "throughput gain must be in (0, 1]");

    private readonly Lock _gate = new();
    private double? _rtt, _rttVariation, _up, _down;
    private long _samples;

    public long MinTransferBytes { get; } = minTransferBytes >= 0
        ? minTransferBytes
        : throw new ArgumentOutOfRangeException(nameof(minTransferBytes), minTransferBytes, "must not be negative");

    public NetworkEstimate Current
    {
        get
        {
            lock (_gate)
            {
                return new NetworkEstimate(_rtt, _rttVariation, _up, _down, _samples);
            }
        }
    }

    /// <summary>A request/response exchange small enough that its time is mostly the round trip.</summary>
    public void ObserveRoundTrip(TimeSpan elapsed)
    {
        var ms = elapsed.TotalMilliseconds;
        if (!double.IsFinite(ms) || ms <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_rtt is not { } srtt)
            {
                _rtt = ms;
                _rttVariation = ms / 2;
            }
            else
            {
                _rttVariation = ((1 - RttVariationGain) * _rttVariation!.Value) + (RttVariationGain * Math.Abs(srtt - ms));
                _rtt = ((1 - RttGain) * srtt) + (RttGain * ms);
            }

            _samples++;
        }
    }

    /// <summary><paramref name="bytes"/> moved in <paramref name="elapsed"/> one way; ignored below <see cref="MinTransferBytes"/>.</summary>
    public void ObserveTransfer(long bytes, TimeSpan elapsed, bool uplink)
    {
        var seconds = elapsed.TotalSeconds;
        if (bytes < MinTransferBytes || bytes <= 0 || !double.IsFinite(seconds) || seconds <= 0)
        {
            return;
        }

        var mbps = bytes * 8 / seconds / 1e6;
        lock (_gate)
        {
            if (uplink)
            {
                _up = _up is { } u ? u + (_throughputGain * (mbps - u)) : mbps;
            }
            else
            {
                _down = _down is { } d ? d + (_throughputGain * (mbps - d)) : mbps;
            }

            _samples++;
        }
    }
}
