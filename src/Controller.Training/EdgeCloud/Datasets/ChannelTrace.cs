using Controller.Contracts;
using Controller.Offloading.EdgeCloud;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// A sampled channel time series replayed step-wise: the row whose time is the latest one ≤ t holds
/// until the next row. After <see cref="DurationSeconds"/> the trace wraps around, so an episode longer
/// than the trace keeps seeing a plausible link. Lookup is a binary search over a time array built once
/// (O(log n), no allocation); immutable, so one instance can be shared by every simulated device.
/// </summary>
public sealed class ChannelTrace : IChannelTrace
{
    private readonly double[] _times;
    private readonly ChannelState[] _states;
    private readonly TraceSample[] _samples;

    /// <param name="name">Short name shown in reports, e.g. <c>lte</c>.</param>
    /// <param name="network">Network type the trace stands for.</param>
    /// <param name="samples">Rows in strictly increasing time order, the first at t = 0.</param>
    /// <param name="durationSeconds">
    /// Length of the trace; must be after the last row's time. Null: the last row lasts as long as the
    /// step before it (uniform sampling), so a 1 s trace of 1800 rows lasts 1800 s.
    /// </param>
    public ChannelTrace(string name, NetworkType network, IReadOnlyList<TraceSample> samples, double? durationSeconds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < 2)
        {
            throw new ArgumentException("A trace needs at least two rows (the step length comes from them).", nameof(samples));
        }

        if (samples[0].TimeSeconds != 0)
        {
            throw new ArgumentException($"A trace starts at t = 0, got {samples[0].TimeSeconds}.", nameof(samples));
        }

        _samples = [.. samples];
        _times = new double[_samples.Length];
        _states = new ChannelState[_samples.Length];
        for (int i = 0; i < _samples.Length; i++)
        {
            var sample = _samples[i];
            if (i > 0 && !(sample.TimeSeconds > _samples[i - 1].TimeSeconds))
            {
                throw new ArgumentException($"Row {i}: time {sample.TimeSeconds} is not after {_samples[i - 1].TimeSeconds}.", nameof(samples));
            }

            _times[i] = sample.TimeSeconds;
            _states[i] = sample.ToState();
            _states[i].Validate($"{nameof(samples)}[{i}]");
        }

        double last = _times[^1];
        double duration = durationSeconds ?? last + (last - _times[^2]);
        if (!double.IsFinite(duration) || duration <= last)
        {
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), duration, $"The trace must last past its last row at {last} s.");
        }

        Name = name;
        Network = network;
        DurationSeconds = duration;
    }

    public string Name { get; }

    public NetworkType Network { get; }

    public double DurationSeconds { get; }

    /// <summary>The rows, in time order.</summary>
    public IReadOnlyList<TraceSample> Samples => _samples;

    public ChannelState At(double timeSeconds)
    {
        if (!double.IsFinite(timeSeconds) || timeSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeSeconds), timeSeconds, "Time must be a finite number of seconds ≥ 0.");
        }

        double t = timeSeconds < DurationSeconds ? timeSeconds : timeSeconds % DurationSeconds;
        int index = Array.BinarySearch(_times, t);

        // Not found: ~index is the first row after t, so the row in force is the one before it.
        return _states[index >= 0 ? index : ~index - 1];
    }
}
