using System.Diagnostics;
using Controller.Offloading.Measurement;

namespace Controller.Benchmarks.Decisions;

/// <summary>
/// Open-loop load: request i is due at start + i / rate whatever happened to earlier ones, and its latency runs from
/// when it was due, not from when a caller got round to it (as wrk2 does), so a path that falls behind shows its
/// queueing in the percentiles instead of quietly lowering the offered rate. A fixed pool of callers takes the due
/// requests in order.
/// </summary>
internal static class OpenLoop
{
    public sealed record Result(double OfferedPerSecond, double AchievedPerSecond, long Completed, long Failed, LatencyHistogram Latency);

    public static async Task<Result> RunAsync(double ratePerSecond, int callers, TimeSpan duration, Func<long, Task> call, CancellationToken cancellationToken)
    {
        var histogram = new LatencyHistogram();
        var ticksPerRequest = Stopwatch.Frequency / ratePerSecond;
        var total = (long)(ratePerSecond * duration.TotalSeconds);
        long next = -1;
        long completed = 0;
        long failed = 0;
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            long i;
            while ((i = Interlocked.Increment(ref next)) < total && !cancellationToken.IsCancellationRequested)
            {
                var due = start + (long)(i * ticksPerRequest);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                try
                {
                    await call(i);
                    histogram.RecordTicks(Stopwatch.GetTimestamp() - due);
                    Interlocked.Increment(ref completed);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Counted, not hidden: a failed call is neither a completion nor a latency.
                    Interlocked.Increment(ref failed);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Result(ratePerSecond, completed / elapsed.TotalSeconds, completed, failed, histogram);
    }
}
