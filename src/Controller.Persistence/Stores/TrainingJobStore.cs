using Controller.Persistence.Entities;
using Controller.Persistence.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Controller.Persistence.Stores;

/// <summary>
/// The training job queue. Claiming is a conditional update (Queued → Running), so several
/// workers can poll the same table and each job runs once.
/// </summary>
public sealed class TrainingJobStore(IDbContextFactory<ControllerDbContext> contextFactory, ILogger<TrainingJobStore> logger)
{
    // A worker that loses the race for the oldest job tries the next one; bounded so a stampede ends.
    private const int ClaimAttempts = 8;

    /// <summary>Adds <paramref name="job"/> to the queue.</summary>
    /// <returns>True when stored; false when a job with this id exists (nothing is written).</returns>
    /// <exception cref="ArgumentException">A field is out of range, or the status is not <see cref="TrainingJobStatus.Queued"/>.</exception>
    public async Task<bool> EnqueueAsync(TrainingJobEntity job, CancellationToken cancellationToken)
    {
        EntityValidator.Validate(job);
        if (job.Status != TrainingJobStatus.Queued)
        {
            throw new ArgumentException($"Training job {job.JobId}: Status '{job.Status}' must be Queued when enqueued.", nameof(job));
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        context.TrainingJobs.Add(job);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException exception) when (ConstraintViolation.IsUnique(exception))
        {
            return false;
        }
    }

    /// <summary>Claims the oldest queued job: marks it Running with <paramref name="startedAt"/>.</summary>
    /// <returns>The claimed job, or null when the queue is empty.</returns>
    public async Task<TrainingJobEntity?> ClaimNextAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            var candidate = await context.TrainingJobs.AsNoTracking()
                .Where(j => j.Status == TrainingJobStatus.Queued)
                .OrderBy(j => j.RequestedAt)
                .ThenBy(j => j.JobId)
                .Select(j => (Guid?)j.JobId)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (candidate is not { } jobId)
            {
                return null;
            }

            var claimed = await context.TrainingJobs
                .Where(j => j.JobId == jobId && j.Status == TrainingJobStatus.Queued)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(j => j.Status, TrainingJobStatus.Running).SetProperty(j => j.StartedAt, startedAt),
                    cancellationToken)
                .ConfigureAwait(false);
            if (claimed == 1)
            {
                PersistenceLog.TrainingJobStatusChanged(logger, jobId, TrainingJobStatus.Running);
                return await context.TrainingJobs.AsNoTracking()
                    .SingleAsync(j => j.JobId == jobId, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>
    /// Finishes a queued or running job with <paramref name="status"/> (Succeeded, Failed or Cancelled).
    /// </summary>
    /// <returns>True when the job was queued or running and is now finished; false when it does not exist or had already finished.</returns>
    public async Task<bool> CompleteAsync(
        Guid jobId, TrainingJobStatus status, DateTimeOffset finishedAt, string? metricsJson, string? error, CancellationToken cancellationToken)
    {
        if (status is not (TrainingJobStatus.Succeeded or TrainingJobStatus.Failed or TrainingJobStatus.Cancelled))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, $"Training job {jobId}: a job finishes as Succeeded, Failed or Cancelled.");
        }

        EntityValidator.ValidateCompletion(jobId, metricsJson, error);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var updated = await context.TrainingJobs
            .Where(j => j.JobId == jobId && (j.Status == TrainingJobStatus.Queued || j.Status == TrainingJobStatus.Running))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(j => j.Status, status)
                    .SetProperty(j => j.FinishedAt, finishedAt)
                    .SetProperty(j => j.MetricsJson, metricsJson)
                    .SetProperty(j => j.Error, error),
                cancellationToken)
            .ConfigureAwait(false);
        if (updated == 1)
        {
            PersistenceLog.TrainingJobStatusChanged(logger, jobId, status);
        }

        return updated == 1;
    }

    /// <summary>The job with id <paramref name="jobId"/>, or null.</summary>
    public async Task<TrainingJobEntity?> FindAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.TrainingJobs.AsNoTracking()
            .SingleOrDefaultAsync(j => j.JobId == jobId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The most recently requested jobs, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<TrainingJobEntity>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.TrainingJobs.AsNoTracking()
            .OrderByDescending(j => j.RequestedAt)
            .ThenBy(j => j.JobId)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
