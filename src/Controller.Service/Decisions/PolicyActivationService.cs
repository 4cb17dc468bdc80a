using Controller.Contracts;
using Controller.Offloading.Placement;
using Controller.Persistence;
using Controller.Service.Logging;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Controller.Service.Decisions;

/// <summary>
/// Activates the policy the controller starts with (the rule-based baseline until learned policies are
/// promoted), records it as active, and announces it with <see cref="PolicyActivated"/> so agents can
/// cache it for offline fallback. A different policy already active on record (promoted) stays so; a newer version of
/// the initial policy replaces an older one.
/// </summary>
public sealed class PolicyActivationService(
    ActivePolicy active,
    IPlacementPolicy initial,
    PolicyStore policies,
    IPublishEndpoint publisher,
    TimeProvider clock,
    ILogger<PolicyActivationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var onRecord = await policies.GetActiveAsync(cancellationToken);
        active.Activate(initial);
        if (onRecord is not null && onRecord.Name == initial.Name && onRecord.Version == initial.Version)
        {
            // A restart or another replica: the policy is already the active one on record. Activating it
            // again would only churn the lifecycle rows and announce a change that did not happen.
            Log.PolicyActivated(logger, initial.Name, initial.Version, initial.Algorithm);
            return;
        }

        if (onRecord is not null && onRecord.Name != initial.Name)
        {
            // Another policy was promoted. A restart must not demote it on record: serving it needs the bundle loader of
            // the learned-policy work, so until then this process answers with the initial policy (every decision logs
            // the policy that really made it) and leaves the lifecycle to whoever promoted.
            Log.PromotedPolicyKept(logger, onRecord.Name, onRecord.Version, initial.Name, initial.Version);
            return;
        }

        await policies.UpsertAsync(new PolicyEntity
        {
            Name = initial.Name,
            Version = initial.Version,
            Algorithm = initial.Algorithm,
            Status = PolicyStatus.Candidate,
            CreatedAt = now,
        }, cancellationToken);
        await policies.SetStatusAsync(initial.Name, initial.Version, PolicyStatus.Active, now, cancellationToken);
        Log.PolicyActivated(logger, initial.Name, initial.Version, initial.Algorithm);
        await publisher.Publish(new PolicyActivated
        {
            SchemaVersion = SchemaVersions.Current,
            PolicyName = initial.Name,
            PolicyVersion = initial.Version,
            Algorithm = initial.Algorithm,
            PreviousVersion = onRecord?.Version,
            ActivatedAt = now,
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
