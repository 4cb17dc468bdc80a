using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence.Queries;

/// <summary>The decisions one policy version made, joined to their outcomes: what its live reward is measured on.</summary>
public sealed class PolicyOutcomesQuery(IDbContextFactory<ControllerDbContext> contextFactory)
{
    /// <summary>
    /// Decisions of (<paramref name="name"/>, <paramref name="version"/>) made at or after <paramref name="since"/> that have
    /// an outcome, oldest first, at most <paramref name="limit"/>; each with <see cref="DecisionEntity.Outcome"/> loaded.
    /// </summary>
    public async Task<IReadOnlyList<DecisionEntity>> LoadAsync(
        string name, string version, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Decisions.AsNoTracking()
            .Include(d => d.Outcome)
            .Where(d => d.PolicyName == name && d.PolicyVersion == version && d.DecidedAt >= since && d.Outcome != null)
            .OrderBy(d => d.DecidedAt)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
