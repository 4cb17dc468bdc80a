namespace Controller.EdgeAgent.Outbox;

/// <summary>The outbox's state, as the agent reports it.</summary>
/// <param name="Pending">Messages waiting to be sent.</param>
/// <param name="Dropped">Messages dropped, oldest first, because the outbox was full; counted since the file was created.</param>
/// <param name="Quarantined">Messages the controller refused as invalid (or rows that no longer parse), kept aside with the reason, never resent.</param>
public sealed record OutboxCounters(long Pending, long Dropped, long Quarantined);
