using Controller.Contracts;

namespace Controller.Service.Validation;

public static class OutcomeValidator
{
    public static IReadOnlyList<ValidationError> Validate(OutcomeReported m, DateTimeOffset now)
    {
        var v = new ValidationCollector();
        v.SchemaVersion(m.SchemaVersion);
        v.NotEmpty("decisionId", m.DecisionId);
        v.Text("deviceId", m.DeviceId, Limits.IdLength);
        v.Defined("executedLocation", m.ExecutedLocation);
        if (m.ExecutedModalityIds is null)
        {
            v.Add("executedModalityIds", "is required (use [] when nothing was uploaded)");
        }
        else
        {
            for (var i = 0; i < m.ExecutedModalityIds.Count; i++)
            {
                v.Text($"executedModalityIds[{i}]", m.ExecutedModalityIds[i], Limits.NameLength);
            }
        }

        v.Range("executedDraftLength", m.ExecutedDraftLength, 0, Limits.MaxDraftLength);
        v.Range("timeToFirstTokenMs", m.TimeToFirstTokenMs, 0, Limits.MaxLatencyMs);
        v.Range("totalLatencyMs", m.TotalLatencyMs, 0, Limits.MaxLatencyMs);
        if (double.IsFinite(m.TimeToFirstTokenMs) && double.IsFinite(m.TotalLatencyMs) && m.TimeToFirstTokenMs > m.TotalLatencyMs)
        {
            v.Add("timeToFirstTokenMs", $"({m.TimeToFirstTokenMs}) exceeds totalLatencyMs ({m.TotalLatencyMs})");
        }

        v.Range("tokensGenerated", m.TokensGenerated, 0, Limits.MaxOutputTokens);
        v.Range("draftTokensProposed", m.DraftTokensProposed, 0, Limits.MaxOutputTokens * (long)Limits.MaxDraftLength);
        v.Range("draftTokensAccepted", m.DraftTokensAccepted, 0, m.DraftTokensProposed < 0 ? 0 : m.DraftTokensProposed);
        v.Range("bytesUp", m.BytesUp, 0, Limits.MaxTransferBytes);
        v.Range("bytesDown", m.BytesDown, 0, Limits.MaxTransferBytes);
        v.Range("deviceEnergyJoules", m.DeviceEnergyJoules, 0, Limits.MaxEnergyJoules);
        v.Range("cloudCostUsd", m.CloudCostUsd, 0, Limits.MaxCostUsd);
        v.OptionalRange("qualityScore", m.QualityScore, 0, Limits.MaxQualityScore);
        v.Timestamp("reportedAt", m.ReportedAt, now);
        return v.Errors;
    }
}
