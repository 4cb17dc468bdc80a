using Controller.Contracts;
using Controller.Persistence;
using Controller.Service.Decisions;
using Controller.Service.Logging;
using Controller.Service.Metrics;
using Controller.Service.Validation;
using Microsoft.Extensions.Logging;

namespace Controller.Service.Ingestion;

/// <summary>Validates an outcome and stores it joined to its decision (one outcome per decision).</summary>
public sealed class OutcomeIngestor(OutcomeStore store, DecisionStore decisions, DeviceLedger ledger, DialogueLedgerCache dialogues, DecisionMetrics metrics, TimeProvider clock, ILogger<OutcomeIngestor> logger)
{
    /// <returns>True when stored; false when it was a redelivery of an outcome already stored.</returns>
    /// <exception cref="InvalidMessageException">The outcome is malformed; nothing was written.</exception>
    /// <exception cref="UnknownDecisionException">No such decision; nothing was written.</exception>
    public async Task<bool> IngestAsync(OutcomeReported outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = OutcomeValidator.Validate(outcome, now);
        if (errors.Count > 0)
        {
            throw new InvalidMessageException(nameof(OutcomeReported), errors);
        }

        // An outcome reported by a device other than the one the decision was made for would join the
        // wrong device's telemetry to the decision and poison training data.
        var decision = await decisions.FindAsync(outcome.DecisionId, cancellationToken)
            ?? throw new UnknownDecisionException(outcome.DecisionId);
        // The error does not say which device the decision was made for: that is not the sender's to learn.
        if (!string.Equals(decision.DeviceId, outcome.DeviceId, StringComparison.Ordinal))
        {
            Log.OutcomeFromOtherDevice(logger, outcome.DecisionId, outcome.DeviceId, decision.DeviceId);
            throw new InvalidMessageException(nameof(OutcomeReported),
                [new ValidationError("deviceId", $"'{outcome.DeviceId}' did not receive decision {outcome.DecisionId}")]);
        }

        var recorded = await store.RecordAsync(ToEntity(outcome, now), cancellationToken);
        var result = recorded.Result;
        if (recorded.Ledger is { } dialogue)
        {
            dialogues.Offer(dialogue);
        }

        if (result == OutcomeRecordResult.Inserted)
        {
            // The decision committed its expected energy; the device has now reported what it really spent. Keyed by the
            // decision, so this replaces the expectation (also on a replica that did not make the decision).
            ledger.Commit(decision.DeviceId, new EnergyCommitment(
                decision.DecisionId, decision.DecidedAt, decision.ExpiresAt, decision.ExpectedEnergyJoules, outcome.DeviceEnergyJoules, outcome.ReportedAt));
        }

        if (result != OutcomeRecordResult.UnknownDecision)
        {
            metrics.RecordOutcome(result == OutcomeRecordResult.Inserted, clock.GetUtcNow() - outcome.ReportedAt, outcome.CloudCostUsd, outcome.DeviceEnergyJoules);
        }

        return result switch
        {
            OutcomeRecordResult.Inserted => true,
            OutcomeRecordResult.Duplicate => false,
            _ => throw new UnknownDecisionException(outcome.DecisionId),
        };
    }

    private static OutcomeEntity ToEntity(OutcomeReported m, DateTimeOffset receivedAt) => new()
    {
        DecisionId = m.DecisionId,
        DeviceId = m.DeviceId,
        ExecutedLocation = m.ExecutedLocation.ToString(),
        ExecutedModalityIds = [.. m.ExecutedModalityIds],
        ExecutedDraftLength = m.ExecutedDraftLength,
        TimeToFirstTokenMs = m.TimeToFirstTokenMs,
        TotalLatencyMs = m.TotalLatencyMs,
        TokensGenerated = m.TokensGenerated,
        DraftTokensProposed = m.DraftTokensProposed,
        DraftTokensAccepted = m.DraftTokensAccepted,
        BytesUp = m.BytesUp,
        BytesDown = m.BytesDown,
        DeviceEnergyJoules = m.DeviceEnergyJoules,
        CloudCostUsd = m.CloudCostUsd,
        QualityScore = m.QualityScore,
        ReportedAt = m.ReportedAt,
        ReceivedAt = receivedAt,
    };
}
