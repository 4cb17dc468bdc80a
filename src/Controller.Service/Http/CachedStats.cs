using Controller.Persistence;
using Controller.Service.Options;
using Microsoft.Extensions.Options;

namespace Controller.Service.Http;

/// <summary>
/// The row counts behind <c>/v1/stats</c>, at most <see cref="StatsOptions.RefreshSeconds"/> old. Counting runs seven
/// table scans, so a dashboard (or anyone) polling the endpoint must not run them per call: one count at a time, and
/// callers within the interval share the last one.
/// </summary>
public sealed class CachedStats(StatsQuery query, TimeProvider clock, IOptions<StatsOptions> options)
{
    private readonly SemaphoreSlim _counting = new(1, 1);
    private readonly long _maxAgeTicks = TimeSpan.FromSeconds(options.Value.RefreshSeconds).Ticks;
    private Counted? _last;

    public async Task<ControllerStats> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await _counting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } counted)
            {
                return counted;
            }

            var startedAt = clock.GetUtcNow().UtcTicks;
            var stats = await query.GetAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _last, new Counted(stats, startedAt));
            return stats;
        }
        finally
        {
            _counting.Release();
        }
    }

    private ControllerStats? Fresh() =>
        Volatile.Read(ref _last) is { } last && clock.GetUtcNow().UtcTicks - last.AtTicks <= _maxAgeTicks ? last.Stats : null;

    private sealed record Counted(ControllerStats Stats, long AtTicks);
}
