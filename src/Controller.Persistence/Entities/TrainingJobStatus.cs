namespace Controller.Persistence.Entities;

/// <summary>State of a training job. Stored as its name.</summary>
public enum TrainingJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
