namespace Controller.Persistence.Stores;

/// <summary>What <see cref="OutcomeStore.RecordOutcomeAsync"/> did with an outcome.</summary>
public enum OutcomeRecordResult
{
    /// <summary>Stored and joined to its decision.</summary>
    Inserted,
    /// <summary>The decision already has an outcome; nothing was written (redelivery).</summary>
    Duplicate,
    /// <summary>No decision has this id; nothing was written.</summary>
    UnknownDecision,
}
