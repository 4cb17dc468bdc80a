namespace Controller.Offloading.Measurement;

/// <summary>
/// A lock-free latency histogram with log-spaced buckets (ratio 1.02, so any percentile is within 2%
/// of the true value) from 100 ns to ~17 min. Memory is fixed however long the service runs, which a
/// list of samples would not be.
/// </summary>
public sealed class LatencyHistogram
{
    private const double MinNanoseconds = 100;
    private const double Ratio = 1.02;
    private static readonly double LogRatio = Math.Log(Ratio);
    private const int BucketCount = 1_200;

    private readonly long[] _counts = new long[BucketCount];
    private long _total;
    private long _maxNanoseconds;

    public long Count => Interlocked.Read(ref _total);

    /// <summary>Records one observation given in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public void RecordTicks(long stopwatchTicks) =>
        RecordNanoseconds(stopwatchTicks * (1e9 / System.Diagnostics.Stopwatch.Frequency));

    public void RecordNanoseconds(double nanoseconds)
    {
        var index = nanoseconds <= MinNanoseconds ? 0 : (int)(Math.Log(nanoseconds / MinNanoseconds) / LogRatio) + 1;
        Interlocked.Increment(ref _counts[Math.Min(index, BucketCount - 1)]);
        Interlocked.Increment(ref _total);
        var ns = (long)nanoseconds;
        long seen;
        while (ns > (seen = Interlocked.Read(ref _maxNanoseconds)) && Interlocked.CompareExchange(ref _maxNanoseconds, ns, seen) != seen)
        {
        }
    }

    /// <summary>The latency at quantile <paramref name="q"/> in [0, 1], microseconds; 0 when empty.</summary>
    public double PercentileMicroseconds(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long cumulative = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            if (cumulative >= rank)
            {
                // The bucket's upper edge, capped by the largest value seen, is the conservative answer.
                var upper = i == 0 ? MinNanoseconds : MinNanoseconds * Math.Pow(Ratio, i);
                return Math.Min(upper, Interlocked.Read(ref _maxNanoseconds)) / 1_000.0;
            }
        }

        return Interlocked.Read(ref _maxNanoseconds) / 1_000.0;
    }
}
