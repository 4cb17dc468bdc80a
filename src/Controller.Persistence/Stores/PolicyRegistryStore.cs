using Controller.Persistence.Entities;
using Controller.Persistence.Hosting;
using Controller.Persistence.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Controller.Persistence.Stores;

/// <summary>
/// The policy registry every replica and the CLI share: registered bundles, lifecycle changes with their history, and
/// shadow decisions. Each change and its <c>PolicyHistory</c> rows commit in one transaction. Changes are serialised:
/// on PostgreSQL by the same advisory lock <see cref="PolicyStore"/> takes for activations, on SQLite by the file's one
/// writer. The filtered unique indexes (one active, one canary) hold even for writers that bypass this store.
/// </summary>
public sealed class PolicyRegistryStore(
    IDbContextFactory<ControllerDbContext> contextFactory, SqliteWriteGate writeGate, ILogger<PolicyRegistryStore> logger)
{
    /// <summary>
    /// Stores a new version as <see cref="PolicyStatus.Candidate"/> with its bundle and a history row. Returns false, and
    /// writes nothing, when (name, version) is already registered: versions are immutable.
    /// </summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public async Task<bool> RegisterAsync(PolicyEntity policy, PolicyBundleEntity bundle, PolicyChangeNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(note);
        policy.Status = PolicyStatus.Candidate;
        policy.CreatedAt = note.At;
        EntityValidator.Validate(policy);
        EntityValidator.Validate(bundle);
        if (bundle.Name != policy.Name || bundle.Version != policy.Version)
        {
            throw new ArgumentException($"Policy bundle {bundle.Name}/{bundle.Version} does not belong to policy {policy.Name}/{policy.Version}.", nameof(bundle));
        }

        var change = History(policy, null, PolicyStatus.Candidate, note);
        using var turn = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        context.Policies.Add(policy);
        context.PolicyBundles.Add(bundle);
        context.PolicyHistory.Add(change);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
        {
            return false;
        }

        PersistenceLog.PolicyTransition(logger, policy.Name, policy.Version, null, PolicyStatus.Candidate, note.By, note.Reason);
        return true;
    }

    /// <summary>
    /// Moves (<paramref name="name"/>, <paramref name="version"/>) to <paramref name="to"/> if the lifecycle allows it
    /// (<see cref="PolicyLifecycle"/>). Activation retires the active version; a canary is refused while another runs;
    /// rolling back the active version restores the one its activation replaced (refused when there is none). The
    /// promotion gate is the caller's: this store records <see cref="PolicyChangeNote.GateOverridden"/> as given.
    /// </summary>
    public async Task<PolicyTransitionResult> TransitionAsync(
        string name, string version, PolicyStatus to, PolicyChangeNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (!Enum.IsDefined(to))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"Policy {name}/{version}: unknown status.");
        }

        using var turn = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (context.Database.IsNpgsql())
        {
            // Held until commit: the next change reads what this one committed instead of racing on a stale read.
            await context.Database
                .ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PolicyStore.ActivationLockKey})", cancellationToken)
                .ConfigureAwait(false);
        }

        var policy = await context.Policies
            .SingleOrDefaultAsync(p => p.Name == name && p.Version == version, cancellationToken).ConfigureAwait(false);
        if (policy is null)
        {
            return PolicyTransitionResult.Refused($"no policy {name}/{version} is registered");
        }

        var from = policy.Status;
        if (PolicyLifecycle.Refusal(from, to) is { } refusal)
        {
            return PolicyTransitionResult.Refused($"{name}/{version} is {from}: {refusal}");
        }

        PolicyEntity? replaced = null;
        PolicyEntity? restored = null;
        switch (to)
        {
            case PolicyStatus.Canary:
                var running = await context.Policies
                    .SingleOrDefaultAsync(p => p.Status == PolicyStatus.Canary, cancellationToken).ConfigureAwait(false);
                if (running is not null)
                {
                    return PolicyTransitionResult.Refused(
                        $"{running.Name}/{running.Version} is already the canary; promote or roll it back first (one canary at a time)");
                }

                break;

            case PolicyStatus.Active:
                replaced = await context.Policies
                    .SingleOrDefaultAsync(p => p.Status == PolicyStatus.Active, cancellationToken).ConfigureAwait(false);
                if (replaced is not null)
                {
                    replaced.Status = PolicyStatus.Retired;
                    context.PolicyHistory.Add(History(replaced, PolicyStatus.Active, PolicyStatus.Retired,
                        note with { Reason = $"replaced by {name}/{version}: {note.Reason}", GateOverridden = false }, policy));

                    // Saved first: the single-active index must be free before the new row takes it.
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }

                policy.ActivatedAt = note.At;
                break;

            case PolicyStatus.RolledBack when from == PolicyStatus.Active:
                restored = await PreviousActiveAsync(context, policy, cancellationToken).ConfigureAwait(false);
                if (restored is null)
                {
                    return PolicyTransitionResult.Refused(
                        $"{name}/{version} is the active version and no earlier active version can be restored; promote another version instead");
                }

                policy.Status = PolicyStatus.RolledBack;
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                context.PolicyHistory.Add(History(restored, restored.Status, PolicyStatus.Active,
                    note with { Reason = $"restored by the rollback of {name}/{version}: {note.Reason}", GateOverridden = false }, policy));
                restored.Status = PolicyStatus.Active;
                restored.ActivatedAt = note.At;
                break;
        }

        policy.Status = to;
        context.PolicyHistory.Add(History(policy, from, to, note, replaced ?? restored));
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        PersistenceLog.PolicyTransition(logger, name, version, from, to, note.By, note.Reason);
        if (restored is not null)
        {
            PersistenceLog.PolicyTransition(logger, restored.Name, restored.Version, null, PolicyStatus.Active, note.By, $"restored by the rollback of {name}/{version}");
        }

        return new PolicyTransitionResult(policy, null, replaced, restored);
    }

    /// <summary>The versions that decide or score live requests: active, canary and shadows.</summary>
    public async Task<IReadOnlyList<PolicyEntity>> ListServingAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Policies.AsNoTracking()
            .Where(p => p.Status == PolicyStatus.Active || p.Status == PolicyStatus.Canary || p.Status == PolicyStatus.Shadow)
            .OrderBy(p => p.Name).ThenBy(p => p.Version)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored bundle of (<paramref name="name"/>, <paramref name="version"/>); null for an unknown version or one without a bundle (a built-in policy).</summary>
    public async Task<PolicyBundleEntity?> FindBundleAsync(string name, string version, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.PolicyBundles.AsNoTracking()
            .SingleOrDefaultAsync(b => b.Name == name && b.Version == version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every change of (<paramref name="name"/>, <paramref name="version"/>), oldest first.</summary>
    public async Task<IReadOnlyList<PolicyHistoryEntity>> HistoryAsync(string name, string version, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await context.PolicyHistory.AsNoTracking()
            .Where(h => h.Name == name && h.Version == version)
            .OrderBy(h => h.ChangedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Version 7 ids order changes made in the same microsecond (a rollback's two rows) the way they were written.
        return [.. rows.OrderBy(h => h.ChangedAt).ThenBy(h => h.ChangeId)];
    }

    /// <summary>
    /// Claims the activations no replica has announced yet: each is marked announced by a conditional update, so of
    /// several replicas polling at once exactly one gets (and publishes) each.
    /// </summary>
    public async Task<IReadOnlyList<PolicyHistoryEntity>> ClaimAnnouncementsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pending = await context.PolicyHistory.AsNoTracking()
            .Where(h => h.ToStatus == PolicyStatus.Active && h.AnnouncedAt == null)
            .OrderBy(h => h.ChangedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<PolicyHistoryEntity>(pending.Count);
        foreach (var change in pending)
        {
            using var turn = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
            var updated = await context.PolicyHistory
                .Where(h => h.ChangeId == change.ChangeId && h.AnnouncedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.AnnouncedAt, now), cancellationToken)
                .ConfigureAwait(false);
            if (updated == 1)
            {
                change.AnnouncedAt = now;
                claimed.Add(change);
            }
        }

        return claimed;
    }

    /// <summary>
    /// Logs shadow decisions. A row already on record (a redelivered request whose shadows were logged) is skipped, so a
    /// retry never fails the live decision.
    /// </summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public async Task RecordShadowDecisionsAsync(IReadOnlyList<ShadowDecisionEntity> shadows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shadows);
        foreach (var shadow in shadows)
        {
            EntityValidator.Validate(shadow);
        }

        using var turn = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        foreach (var shadow in shadows)
        {
            context.ShadowDecisions.Add(shadow);
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
            {
                context.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Shadow decisions of one version made at or after <paramref name="since"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<ShadowDecisionEntity>> ListShadowDecisionsAsync(
        string name, string version, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.ShadowDecisions.AsNoTracking()
            .Where(s => s.PolicyName == name && s.PolicyVersion == version && s.DecidedAt >= since)
            .OrderBy(s => s.DecidedAt)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    // The version whose place the active one took: recorded as Related on the activation's history row.
    private static async Task<PolicyEntity?> PreviousActiveAsync(ControllerDbContext context, PolicyEntity active, CancellationToken cancellationToken)
    {
        var activations = await context.PolicyHistory.AsNoTracking()
            .Where(h => h.Name == active.Name && h.Version == active.Version && h.ToStatus == PolicyStatus.Active)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var last = activations.OrderBy(h => h.ChangedAt).ThenBy(h => h.ChangeId).LastOrDefault();
        if (last?.RelatedName is null || last.RelatedVersion is null)
        {
            return null;
        }

        var previous = await context.Policies
            .SingleOrDefaultAsync(p => p.Name == last.RelatedName && p.Version == last.RelatedVersion, cancellationToken).ConfigureAwait(false);
        return previous is { Status: PolicyStatus.Retired } ? previous : null;
    }

    private static PolicyHistoryEntity History(PolicyEntity policy, PolicyStatus? from, PolicyStatus to, PolicyChangeNote note, PolicyEntity? related = null)
    {
        var change = new PolicyHistoryEntity
        {
            ChangeId = Guid.CreateVersion7(note.At),
            Name = policy.Name,
            Version = policy.Version,
            FromStatus = from,
            ToStatus = to,
            ChangedAt = note.At,
            ChangedBy = note.By,
            Reason = note.Reason,
            GateOverridden = note.GateOverridden,
            RelatedName = related?.Name,
            RelatedVersion = related?.Version,
        };
        EntityValidator.Validate(change);
        return change;
    }
}
