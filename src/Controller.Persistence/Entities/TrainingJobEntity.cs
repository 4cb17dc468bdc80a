namespace Controller.Persistence.Entities;

/// <summary>A training job requested from the CLI or the API and run by a training worker.</summary>
public sealed class TrainingJobEntity
{
    public Guid JobId { get; set; }

    /// <summary>Name of the policy the job trains a new version of.</summary>
    public required string PolicyName { get; set; }

    public required string Algorithm { get; set; }

    public TrainingJobStatus Status { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The job's configuration (hyperparameters, dataset, budgets), JSON.</summary>
    public required string ConfigJson { get; set; }

    /// <summary>Why the job failed; null unless <see cref="TrainingJobStatus.Failed"/>.</summary>
    public string? Error { get; set; }

    /// <summary>Final metrics, JSON; null until the job finishes.</summary>
    public string? MetricsJson { get; set; }
}
