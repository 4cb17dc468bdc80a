using Microsoft.Extensions.Logging;

namespace Controller.Persistence.Logging;

/// <summary>Log messages of the persistence layer; event ids 3000–3099.</summary>
internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Applied {Count} migration(s) to the {Provider} store; now at {Migration}")]
    public static partial void MigrationsApplied(ILogger logger, int count, StoreProvider provider, string migration);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "The {Provider} store schema is up to date at {Migration}")]
    public static partial void SchemaUpToDate(ILogger logger, StoreProvider provider, string migration);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The {Provider} store is not reachable yet (attempt {Attempt}); retrying in {DelayMs} ms")]
    public static partial void DatabaseNotReady(ILogger logger, Exception exception, StoreProvider provider, int attempt, double delayMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "SQLite journal mode is {JournalMode}")]
    public static partial void SqliteJournalMode(ILogger logger, string journalMode);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Heartbeat {HeartbeatId} from device {DeviceId} was already stored; redelivery ignored")]
    public static partial void DuplicateHeartbeat(ILogger logger, Guid heartbeatId, string deviceId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "Request {RequestId} already has decision {DecisionId}; returning it")]
    public static partial void ExistingDecisionReturned(ILogger logger, Guid requestId, Guid decisionId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Outcome of decision {DecisionId} was already stored; redelivery ignored")]
    public static partial void DuplicateOutcome(ILogger logger, Guid decisionId);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Outcome from device {DeviceId} refers to unknown decision {DecisionId}; not stored")]
    public static partial void OutcomeForUnknownDecision(ILogger logger, Guid decisionId, string deviceId);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Policy {Name}/{Version} is now {Status}")]
    public static partial void PolicyStatusChanged(ILogger logger, string name, string version, Entities.PolicyStatus status);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Policy {Name}/{Version} retired: {NewName}/{NewVersion} became active")]
    public static partial void PolicyRetired(ILogger logger, string name, string version, string newName, string newVersion);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "Policy {Name}/{Version}: {From} -> {To} by {By}: {Reason}")]
    public static partial void PolicyTransition(ILogger logger, string name, string version, Entities.PolicyStatus? from, Entities.PolicyStatus to, string by, string reason);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Training job {JobId} is now {Status}")]
    public static partial void TrainingJobStatusChanged(ILogger logger, Guid jobId, Entities.TrainingJobStatus status);
}
