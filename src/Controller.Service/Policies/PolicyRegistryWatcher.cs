using Controller.Contracts;
using Controller.Learning.Policies;
using Controller.Offloading.Placement;
using Controller.Persistence;
using Controller.Persistence.Entities;
using Controller.Persistence.Stores;
using Controller.Service.Decisions;
using Controller.Service.Logging;
using Controller.Service.Options;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Controller.Service.Policies;

/// <summary>
/// Makes this replica serve what the registry says: every <see cref="PoliciesOptions.PollIntervalSeconds"/> it reads the
/// active, canary and shadow versions, loads new ones through <see cref="IPolicyBundleLoader"/> (each version once),
/// and swaps <see cref="ActivePolicy"/> and <see cref="RolloutPolicies"/> atomically; decisions already running finish
/// on the policy they read. The version the controller starts with (from DI) needs no bundle. A version that cannot
/// be loaded is logged and left out; the replica keeps serving what it had. It also publishes
/// <see cref="PolicyActivated"/> for activations no replica has announced yet (one replica wins each claim).
/// </summary>
public sealed class PolicyRegistryWatcher(
    PolicyRegistryStore registry,
    ActivePolicy active,
    RolloutPolicies rollout,
    IPlacementPolicy initial,
    BundleLoaderAccess loaders,
    IPublishEndpoint publisher,
    IOptions<PoliciesOptions> options,
    TimeProvider clock,
    ILogger<PolicyRegistryWatcher> logger) : BackgroundService
{
    private readonly Dictionary<(string Name, string Version), IPlacementPolicy?> _loaded = [];
    private readonly SemaphoreSlim _refresh = new(1, 1);

    /// <summary>Reads the registry once and swaps in what changed; safe to call from several threads.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var serving = await registry.ListServingAsync(cancellationToken).ConfigureAwait(false);
            IPlacementPolicy? canary = null;
            var shadows = new List<IPlacementPolicy>();
            foreach (var row in serving)
            {
                if (await ResolveAsync(row, cancellationToken).ConfigureAwait(false) is not { } policy)
                {
                    continue;
                }

                switch (row.Status)
                {
                    case PolicyStatus.Active when !IsCurrent(policy):
                        active.Activate(policy);
                        Log.PolicyActivated(logger, policy.Name, policy.Version, policy.Algorithm);
                        break;
                    case PolicyStatus.Canary:
                        canary = policy;
                        break;
                    case PolicyStatus.Shadow:
                        shadows.Add(policy);
                        break;
                }
            }

            rollout.Replace(new RolloutSet(canary, options.Value.CanaryShare, shadows));
            await AnnounceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refresh.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollIntervalSeconds), clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store outage must not stop the watcher: the replica keeps serving what it has and tries again.
                Log.RegistryRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private bool IsCurrent(IPlacementPolicy policy) =>
        active.IsActive && active.Current.Name == policy.Name && active.Current.Version == policy.Version;

    private async Task<IPlacementPolicy?> ResolveAsync(PolicyEntity row, CancellationToken cancellationToken)
    {
        if (row.Name == initial.Name && row.Version == initial.Version)
        {
            return initial;
        }

        if (_loaded.TryGetValue((row.Name, row.Version), out var known))
        {
            return known;
        }

        IPlacementPolicy? loaded = null;
        var bundle = await registry.FindBundleAsync(row.Name, row.Version, cancellationToken).ConfigureAwait(false);
        if (bundle is null)
        {
            Log.PolicyNotLoadable(logger, row.Name, row.Version, "the registry holds no bundle for it");
        }
        else if (loaders.Loader is not { } loader)
        {
            Log.PolicyNotLoadable(logger, row.Name, row.Version, BundleLoaderAccess.Missing);
        }
        else
        {
            try
            {
                loaded = loader.Load(StoredBundles.Read(row, bundle));
            }
            catch (PolicyBundleException ex)
            {
                Log.PolicyNotLoadable(logger, row.Name, row.Version, ex.Message);
            }
        }

        // Failures are remembered too: a stored version never changes, so retrying every poll would only repeat the log.
        _loaded[(row.Name, row.Version)] = loaded;
        return loaded;
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        foreach (var change in await registry.ClaimAnnouncementsAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            var bundle = await registry.FindBundleAsync(change.Name, change.Version, cancellationToken).ConfigureAwait(false);
            var policy = _loaded.GetValueOrDefault((change.Name, change.Version));
            await publisher.Publish(new PolicyActivated
            {
                SchemaVersion = SchemaVersions.Current,
                PolicyName = change.Name,
                PolicyVersion = change.Version,
                Algorithm = policy?.Algorithm ?? (change.Name == initial.Name ? initial.Algorithm : change.Name),
                PreviousVersion = change.RelatedVersion,
                ActivatedAt = change.ChangedAt,
                BundleUrlPath = bundle is null ? null : PolicyPackage.UrlPath(change.Name, change.Version),
                BundleSha256 = bundle?.PackageSha256,
                BundleSizeBytes = bundle?.PackageSizeBytes,
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _refresh.Dispose();
        base.Dispose();
    }
}
