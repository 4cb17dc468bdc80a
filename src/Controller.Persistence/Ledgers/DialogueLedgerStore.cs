using System.Collections.Immutable;
using System.Text.Json;
using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence.Ledgers;

/// <summary>
/// Reads dialogue ledgers and stages their next versions into a write. Every write is conditional on the version it was
/// computed from (<see cref="Stage"/>): the first version is an INSERT, which the primary key lets only one writer
/// make; later ones are <c>UPDATE … WHERE Version = previous</c>. So each ledger version follows from exactly the one
/// before it, whichever replica wrote it, and a writer holding a stale copy learns it from the row count.
/// </summary>
public sealed class DialogueLedgerStore(IDbContextFactory<ControllerDbContext> contextFactory)
{
    /// <summary>
    /// The ledger of <paramref name="deviceId"/>'s dialogue <paramref name="dialogueId"/> on record. A dialogue without
    /// a row (none yet, or decided before the ledger existed) is rebuilt from its decisions and outcomes at version 0.
    /// </summary>
    public async Task<DialogueLedgerState> LoadAsync(string deviceId, string dialogueId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(dialogueId);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await LoadAsync(context, deviceId, dialogueId, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="LoadAsync(string, string, DateTimeOffset, CancellationToken)"/>, inside the caller's context (and transaction).</summary>
    internal static async Task<DialogueLedgerState> LoadAsync(ControllerDbContext context, string deviceId, string dialogueId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await context.DialogueLedgers.AsNoTracking()
            .SingleOrDefaultAsync(l => l.DeviceId == deviceId && l.DialogueId == dialogueId, cancellationToken).ConfigureAwait(false);
        return row is not null ? FromEntity(row) : await RebuildAsync(context, deviceId, dialogueId, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds <paramref name="next"/> to <paramref name="context"/>'s changes: an insert for version 1, else an update
    /// that matches only while the row is at <c>next.Version - 1</c>. <c>SaveChanges</c> then throws
    /// <see cref="DbUpdateConcurrencyException"/> (update) or a unique violation (insert) when another writer came first.
    /// </summary>
    internal static void Stage(ControllerDbContext context, DialogueLedgerState next, DateTimeOffset now)
    {
        var entity = ToEntity(next, now);
        if (next.Version == 1)
        {
            context.DialogueLedgers.Add(entity);
            return;
        }

        var entry = context.DialogueLedgers.Update(entity);
        entry.Property(l => l.Version).OriginalValue = next.Version - 1;
    }

    private static async Task<DialogueLedgerState> RebuildAsync(ControllerDbContext context, string deviceId, string dialogueId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var history = await (
                from d in context.Decisions.AsNoTracking()
                where d.DeviceId == deviceId && d.DialogueId == dialogueId
                join o in context.Outcomes.AsNoTracking() on d.DecisionId equals o.DecisionId into outcomes
                from o in outcomes.DefaultIfEmpty()
                select new
                {
                    d.DecisionId,
                    d.ExpiresAt,
                    d.ExpectedLatencyMs,
                    d.ExpectedCostUsd,
                    d.ExpectedEnergyJoules,
                    Reported = o != null,
                    ReportedLatencyMs = o != null ? o.TotalLatencyMs : 0.0,
                    ReportedCostUsd = o != null ? o.CloudCostUsd : 0.0,
                    ReportedEnergyJoules = o != null ? o.DeviceEnergyJoules : 0.0,
                })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var horizon = now - DialogueLedgerState.PruneAfterExpiry;
        return DialogueLedgerState.Empty(deviceId, dialogueId) with
        {
            DecisionCount = history.Count,
            OutcomeCount = history.Count(h => h.Reported),
            ReportedLatencyMs = history.Sum(h => h.ReportedLatencyMs),
            ReportedCostUsd = history.Sum(h => h.ReportedCostUsd),
            ReportedEnergyJoules = history.Sum(h => h.ReportedEnergyJoules),
            Pending = [.. history
                .Where(h => !h.Reported && h.ExpiresAt > horizon)
                .Select(h => new PendingTurn(h.DecisionId, PendingTurn.ToMicroseconds(h.ExpiresAt), h.ExpectedLatencyMs, h.ExpectedCostUsd, h.ExpectedEnergyJoules))],
        };
    }

    private static DialogueLedgerState FromEntity(DialogueLedgerEntity row) => new()
    {
        DeviceId = row.DeviceId,
        DialogueId = row.DialogueId,
        Version = row.Version,
        DecisionCount = row.DecisionCount,
        OutcomeCount = row.OutcomeCount,
        ReportedLatencyMs = row.ReportedLatencyMs,
        ReportedCostUsd = row.ReportedCostUsd,
        ReportedEnergyJoules = row.ReportedEnergyJoules,
        Pending = ImmutableArray.Create(JsonSerializer.Deserialize(row.PendingJson, PendingTurnJson.Default.PendingTurnArray) ?? []),
    };

    private static DialogueLedgerEntity ToEntity(DialogueLedgerState state, DateTimeOffset now) => new()
    {
        DeviceId = state.DeviceId,
        DialogueId = state.DialogueId,
        Version = state.Version,
        DecisionCount = state.DecisionCount,
        OutcomeCount = state.OutcomeCount,
        ReportedLatencyMs = state.ReportedLatencyMs,
        ReportedCostUsd = state.ReportedCostUsd,
        ReportedEnergyJoules = state.ReportedEnergyJoules,
        PendingJson = JsonSerializer.Serialize(state.Pending.ToArray(), PendingTurnJson.Default.PendingTurnArray),
        UpdatedAt = now,
    };
}
