namespace Controller.EdgeAgent.Outbox;

/// <summary>What an outbox row carries.</summary>
public enum OutboxKind
{
    Heartbeat,
    Outcome,
}

/// <summary>One queued message: its place in the queue, its kind, its idempotency key and its contract JSON.</summary>
/// <param name="Sequence">Position in the queue; replay goes in ascending order.</param>
/// <param name="MessageId">Heartbeat id or decision id: the key the controller deduplicates on.</param>
public sealed record OutboxEntry(long Sequence, OutboxKind Kind, Guid MessageId, string Json);
