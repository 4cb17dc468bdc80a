using System.Diagnostics;
using Controller.Persistence;
using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Controller.Benchmarks.Decisions;

/// <summary>
/// The floor for the decision log: the same database inserting the same rows alone — no callers, no policy, one
/// thread, <see cref="RowsPerTransaction"/> rows per transaction — for as long as the decision path ran.
/// </summary>
internal static class BulkInsertFloor
{
    public const int RowsPerTransaction = 1_000;

    public static async Task<double> MeasureAsync(IDbContextFactory<ControllerDbContext> contexts, IReadOnlyList<DecisionEntity> template, TimeSpan duration, CancellationToken cancellationToken)
    {
        long rows = 0;
        var wall = Stopwatch.StartNew();
        while (wall.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            for (var i = 0; i < RowsPerTransaction; i++)
            {
                context.Decisions.Add(Copy(template[(int)((rows + i) % template.Count)]));
            }

            // SaveChanges runs the batch in one transaction.
            await context.SaveChangesAsync(cancellationToken);
            rows += RowsPerTransaction;
        }

        return rows / wall.Elapsed.TotalSeconds;
    }

    /// <summary>The same row under fresh keys, so the floor inserts rather than collides.</summary>
    private static DecisionEntity Copy(DecisionEntity row) => new()
    {
        DecisionId = Guid.CreateVersion7(row.DecidedAt),
        RequestId = Guid.NewGuid(),
        DeviceId = row.DeviceId,
        DialogueId = row.DialogueId,
        Turn = row.Turn,
        TaskCategory = row.TaskCategory,
        Location = row.Location,
        UploadModalityIds = row.UploadModalityIds,
        DraftLength = row.DraftLength,
        ActionIndex = row.ActionIndex,
        Propensity = row.Propensity,
        PolicyName = row.PolicyName,
        PolicyVersion = row.PolicyVersion,
        DecidedAt = row.DecidedAt,
        ExpiresAt = row.ExpiresAt,
        ExpectedLatencyMs = row.ExpectedLatencyMs,
        ExpectedCostUsd = row.ExpectedCostUsd,
        ExpectedEnergyJoules = row.ExpectedEnergyJoules,
        RequestJson = row.RequestJson,
    };
}
