using Controller.Persistence.Entities;
using Controller.Persistence.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Controller.Persistence.Stores;

/// <summary>
/// Policy versions and their lifecycle. At most one policy is <see cref="PolicyStatus.Active"/>;
/// a filtered unique index enforces it, and activation retires the previous one atomically.
/// </summary>
public sealed class PolicyStore(IDbContextFactory<ControllerDbContext> contextFactory, ILogger<PolicyStore> logger)
{
    // Concurrent activations can collide on the single-active index; the loser re-reads and retries.
    // On PostgreSQL the advisory lock below stops activations through this store from colliding at
    // all, so the retry only covers writers that bypass it.
    private const int ActivationAttempts = 5;

    // Key of the transaction-scoped advisory lock that serialises activations on PostgreSQL
    // (arbitrary, fixed; ASCII "PolActiv"). Without it, each activation read the active row and then
    // wrote under READ COMMITTED, so N concurrent activations raced: every round only one committed
    // and the rest hit the unique index, and under CPU load one caller could lose every round and
    // exhaust its attempts (observed: 23505 escaping SetStatusAsync with 6 concurrent callers).
    internal const long ActivationLockKey = 0x506F_6C41_6374_6976;

    /// <summary>
    /// Inserts <paramref name="policy"/>, or, when (name, version) exists, updates its algorithm,
    /// manifest and bundle path, keeping its status and timestamps. Activate through
    /// <see cref="SetStatusAsync"/>, so the previous active policy is retired with it.
    /// </summary>
    /// <returns>The stored row.</returns>
    /// <exception cref="ArgumentException">A field is out of range, or the status is <see cref="PolicyStatus.Active"/>.</exception>
    public async Task<PolicyEntity> UpsertAsync(PolicyEntity policy, CancellationToken cancellationToken)
    {
        EntityValidator.Validate(policy);
        if (policy.Status == PolicyStatus.Active)
        {
            throw new ArgumentException($"Policy {policy.Name}/{policy.Version}: Status 'Active' cannot be upserted; store it as Candidate and call {nameof(SetStatusAsync)}.", nameof(policy));
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        context.Policies.Add(policy);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return policy;
        }
        catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
        {
            context.ChangeTracker.Clear();
        }

        await context.Policies
            .Where(p => p.Name == policy.Name && p.Version == policy.Version)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(p => p.Algorithm, policy.Algorithm)
                    .SetProperty(p => p.ManifestJson, policy.ManifestJson)
                    .SetProperty(p => p.BundlePath, policy.BundlePath),
                cancellationToken)
            .ConfigureAwait(false);
        return await context.Policies.AsNoTracking()
            .SingleAsync(p => p.Name == policy.Name && p.Version == policy.Version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves policy (<paramref name="name"/>, <paramref name="version"/>) to <paramref name="status"/>.
    /// Activating retires the currently active policy in the same transaction and sets
    /// <see cref="PolicyEntity.ActivatedAt"/> to <paramref name="changedAt"/>.
    /// </summary>
    public async Task<PolicyStatusChange> SetStatusAsync(
        string name, string version, PolicyStatus status, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, $"Policy {name}/{version}: unknown status.");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySetStatusAsync(name, version, status, changedAt, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (attempt < ActivationAttempts && ConstraintViolation.IsUnique(exception))
            {
                // Another activation committed between our read and write; read again.
            }
        }
    }

    /// <summary>The active policy, or null when none is active.</summary>
    public async Task<PolicyEntity?> GetActiveAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Policies.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Status == PolicyStatus.Active, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The policy (<paramref name="name"/>, <paramref name="version"/>), or null.</summary>
    public async Task<PolicyEntity?> FindAsync(string name, string version, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Policies.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Name == name && p.Version == version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every policy version, newest first.</summary>
    public async Task<IReadOnlyList<PolicyEntity>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Policies.AsNoTracking()
            .OrderByDescending(p => p.CreatedAt)
            .ThenBy(p => p.Name)
            .ThenBy(p => p.Version)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<PolicyStatusChange> TrySetStatusAsync(
        string name, string version, PolicyStatus status, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (status == PolicyStatus.Active && context.Database.IsNpgsql())
        {
            // Taken before reading the active row and held until commit/rollback, so the next
            // activation waits here and then reads the committed result (READ COMMITTED takes a new
            // snapshot per statement) instead of racing on a stale read. SQLite is left as it was: it
            // allows one write transaction at a time.
            await context.Database
                .ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ActivationLockKey})", cancellationToken)
                .ConfigureAwait(false);
        }

        var policy = await context.Policies
            .SingleOrDefaultAsync(p => p.Name == name && p.Version == version, cancellationToken).ConfigureAwait(false);
        if (policy is null)
        {
            return new PolicyStatusChange(null, null);
        }

        PolicyEntity? replaced = null;
        if (status == PolicyStatus.Active && policy.Status != PolicyStatus.Active)
        {
            replaced = await context.Policies
                .SingleOrDefaultAsync(p => p.Status == PolicyStatus.Active, cancellationToken).ConfigureAwait(false);
            if (replaced is not null)
            {
                // Saved first: the single-active index must be free before the new row takes it.
                replaced.Status = PolicyStatus.Retired;
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            policy.ActivatedAt = changedAt;
        }

        policy.Status = status;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        if (replaced is not null)
        {
            PersistenceLog.PolicyRetired(logger, replaced.Name, replaced.Version, name, version);
        }

        PersistenceLog.PolicyStatusChanged(logger, name, version, status);
        return new PolicyStatusChange(policy, replaced);
    }
}
