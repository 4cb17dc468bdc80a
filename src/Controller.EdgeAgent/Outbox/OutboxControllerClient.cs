using System.Text.Json;
using Controller.Contracts;
using Controller.EdgeAgent.Clients;
using Microsoft.Data.Sqlite;

namespace Controller.EdgeAgent.Outbox;

/// <summary>
/// An <see cref="IControllerClient"/> whose heartbeats and outcomes go through the durable outbox: "sent" means
/// committed to the local file, and the <see cref="OutboxDispatcher"/> delivers them in order whenever the controller
/// is reachable. Placement requests are not queued (a late decision is worthless); they go straight to the controller.
/// </summary>
public sealed class OutboxControllerClient(IControllerClient controller, SqliteOutbox outbox, OutboxDispatcher dispatcher, TimeProvider clock) : IControllerClient
{
    public Task SendHeartbeatAsync(HeartbeatReported heartbeat, CancellationToken cancellationToken) =>
        QueueAsync(OutboxKind.Heartbeat, heartbeat.HeartbeatId, JsonSerializer.Serialize(heartbeat, ContractJson.Options), cancellationToken);

    public Task<PlacementDecided> RequestPlacementAsync(RequestPlacement request, CancellationToken cancellationToken) =>
        controller.RequestPlacementAsync(request, cancellationToken);

    public Task ReportOutcomeAsync(OutcomeReported outcome, CancellationToken cancellationToken) =>
        QueueAsync(OutboxKind.Outcome, outcome.DecisionId, JsonSerializer.Serialize(outcome, ContractJson.Options), cancellationToken);

    private async Task QueueAsync(OutboxKind kind, Guid id, string json, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.EnqueueAsync(kind, id, json, clock.GetUtcNow(), cancellationToken);
        }
        catch (SqliteException ex)
        {
            // A full disk or a locked file: the message is not durable yet, so the caller must treat it as unsent
            // (the agent session retries an outcome) rather than lose it silently.
            throw new ControllerUnavailableException($"The outbox could not store {kind} {id}: {ex.Message}", ex);
        }

        dispatcher.Signal();
    }
}
