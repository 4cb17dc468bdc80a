using Controller.Contracts;
using Controller.Persistence;
using Controller.Service.Decisions;
using Controller.Service.Metrics;
using Controller.Service.Validation;

namespace Controller.Service.Ingestion;

/// <summary>Validates and stores a heartbeat, and refreshes the device state decisions use.</summary>
public sealed class HeartbeatIngestor(TelemetryStore store, DeviceLedger ledger, DecisionMetrics metrics, TimeProvider clock)
{
    /// <returns>True when stored; false when it was a redelivery of a heartbeat already stored.</returns>
    /// <exception cref="InvalidMessageException">The heartbeat is malformed; nothing was written.</exception>
    public async Task<bool> IngestAsync(HeartbeatReported heartbeat, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = HeartbeatValidator.Validate(heartbeat, now);
        if (errors.Count > 0)
        {
            throw new InvalidMessageException(nameof(HeartbeatReported), errors);
        }

        var inserted = await store.RecordHeartbeatAsync(HeartbeatMapping.ToEntity(heartbeat, now), cancellationToken);
        ledger.Heartbeat(heartbeat, now);
        metrics.RecordHeartbeat(inserted, clock.GetUtcNow() - heartbeat.SentAt);
        return inserted;
    }
}
