using Controller.Contracts;

namespace Controller.Service.Validation;

/// <summary>
/// Field ranges of an outcome, then whether its fields agree with the location it reports: a local run uploads nothing,
/// drafts nothing and costs no cloud spend; plain cloud drafts nothing; speculative decoding drafts at least one token
/// per round. An outcome that contradicts itself would corrupt what the learner is trained on, so it is refused whole.
/// </summary>
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
        CheckAgreesWithLocation(m, v);
        return v.Errors;
    }

    private static void CheckAgreesWithLocation(OutcomeReported m, ValidationCollector v)
    {
        var modalities = m.ExecutedModalityIds ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < modalities.Count; i++)
        {
            if (modalities[i] is { } id && !seen.Add(id))
            {
                v.Add($"executedModalityIds[{i}]", $"'{id}' is listed twice");
            }
        }

        switch (m.ExecutedLocation)
        {
            case Location.Local:
                if (modalities.Count > 0)
                {
                    v.Add("executedModalityIds", $"lists {modalities.Count} upload(s) for a local run, which uploads nothing (use [])");
                }

                if (m.ExecutedDraftLength != 0)
                {
                    v.Add("executedDraftLength", $"is {m.ExecutedDraftLength} for a local run, which drafts nothing (use 0)");
                }

                if (m.DraftTokensProposed != 0)
                {
                    v.Add("draftTokensProposed", $"is {m.DraftTokensProposed} for a local run, which drafts nothing (use 0)");
                }

                if (m.CloudCostUsd != 0 && double.IsFinite(m.CloudCostUsd))
                {
                    v.Add("cloudCostUsd", $"is {m.CloudCostUsd} for a local run, which costs no cloud spend (use 0)");
                }

                break;
            case Location.Cloud:
                if (m.ExecutedDraftLength != 0)
                {
                    v.Add("executedDraftLength", $"is {m.ExecutedDraftLength} for plain cloud decoding, which drafts nothing (use 0)");
                }

                if (m.DraftTokensProposed != 0)
                {
                    v.Add("draftTokensProposed", $"is {m.DraftTokensProposed} for plain cloud decoding, which drafts nothing (use 0)");
                }

                break;
            case Location.Speculative:
                if (m.ExecutedDraftLength == 0)
                {
                    v.Add("executedDraftLength", "is 0 for speculative decoding, which drafts at least one token per round");
                }

                break;
        }
    }
}
