using Controller.Offloading.Placement;
using Controller.Persistence;
using Controller.Persistence.Entities;
using Controller.Persistence.Queries;
using Controller.Persistence.Stores;
using Controller.Service.Logging;
using Controller.Service.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Controller.Service.Policies;

/// <summary>
/// Automatic rollback. Every <see cref="PoliciesOptions.RollbackCheckIntervalSeconds"/> it compares the canary with the
/// active policy over the canary's time (the other devices), or, without a canary, a version activated within
/// <see cref="PoliciesOptions.RollbackWatchHours"/> with the version it replaced (that one's decisions over the watch
/// window before the activation). Each side's live reward and violation rate come from joined outcomes
/// (<see cref="LiveReward"/>); once both have <see cref="PoliciesOptions.RollbackMinimumSample"/>,
/// <see cref="DegradationTest"/> decides. A degraded version is rolled back through the registry (the history names
/// <c>rollback-monitor</c> and the figures); rolling back an active one restores its predecessor, which the watcher
/// swaps in and announces with <c>PolicyActivated</c>. Several replicas may run it: the registry serialises the change
/// and a second rollback of the same version is refused as already done.
/// </summary>
public sealed class RollbackMonitor(
    PolicyRegistryStore registry,
    PolicyOutcomesQuery outcomes,
    PolicyRegistry lifecycle,
    PolicyRegistryWatcher watcher,
    IOptions<PoliciesOptions> options,
    TimeProvider clock,
    ILogger<RollbackMonitor> logger) : BackgroundService
{
    public const string Actor = "rollback-monitor";

    private static readonly GreedyBudgetOptions Weights = new();

    /// <summary>Runs one comparison; returns the reason when it rolled a version back, else null.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var serving = await registry.ListServingAsync(cancellationToken).ConfigureAwait(false);
        var active = serving.SingleOrDefault(p => p.Status == PolicyStatus.Active);
        var canary = serving.SingleOrDefault(p => p.Status == PolicyStatus.Canary);
        if (active is null)
        {
            return null;
        }

        PolicyEntity candidate;
        (string Name, string Version) baseline;
        DateTimeOffset candidateSince, baselineSince;
        if (canary is not null)
        {
            var history = await registry.HistoryAsync(canary.Name, canary.Version, cancellationToken).ConfigureAwait(false);
            candidate = canary;
            baseline = (active.Name, active.Version);
            candidateSince = baselineSince = history.LastOrDefault(h => h.ToStatus == PolicyStatus.Canary)?.ChangedAt ?? canary.CreatedAt;
        }
        else
        {
            var watch = TimeSpan.FromHours(settings.RollbackWatchHours);
            if (active.ActivatedAt is not { } activatedAt || clock.GetUtcNow() - activatedAt > watch)
            {
                return null;
            }

            var activation = (await registry.HistoryAsync(active.Name, active.Version, cancellationToken).ConfigureAwait(false))
                .LastOrDefault(h => h.ToStatus == PolicyStatus.Active);
            if (activation?.RelatedName is null || activation.RelatedVersion is null)
            {
                return null;
            }

            candidate = active;
            baseline = (activation.RelatedName, activation.RelatedVersion);
            candidateSince = activatedAt;
            baselineSince = activatedAt - watch;
        }

        var mine = await SamplesAsync(candidate.Name, candidate.Version, candidateSince, cancellationToken).ConfigureAwait(false);
        var theirs = await SamplesAsync(baseline.Name, baseline.Version, baselineSince, cancellationToken).ConfigureAwait(false);
        if (mine.Count < settings.RollbackMinimumSample || theirs.Count < settings.RollbackMinimumSample)
        {
            return null;
        }

        var degradation = DegradationTest.Degradation(mine, theirs, settings.RollbackSignificance, settings.RollbackRewardMargin, settings.RollbackViolationMargin);
        if (degradation is null)
        {
            return null;
        }

        var reason = $"{candidate.Status} {candidate.Name}/{candidate.Version} against {baseline.Name}/{baseline.Version}: {degradation}";
        var result = await lifecycle.RollbackAsync(candidate.Name, candidate.Version, Actor, reason, cancellationToken).ConfigureAwait(false);
        if (!result.Changed)
        {
            return null;
        }

        Log.PolicyRolledBack(logger, candidate.Name, candidate.Version, reason);
        await watcher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return reason;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RollbackCheckIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store outage skips one check; the next tick tries again.
                Log.RollbackCheckFailed(logger, ex);
            }
        }
    }

    private async Task<List<(double Reward, bool Violated)>> SamplesAsync(string name, string version, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = await outcomes.LoadAsync(name, version, since, options.Value.RollbackMaximumSample, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(d => LiveReward.Of(d, Weights)).OfType<(double, bool)>()];
    }
}
