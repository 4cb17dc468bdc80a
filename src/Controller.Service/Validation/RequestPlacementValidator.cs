using Controller.Contracts;

namespace Controller.Service.Validation;

public static class RequestPlacementValidator
{
    public static IReadOnlyList<ValidationError> Validate(RequestPlacement m, DateTimeOffset now)
    {
        var v = new ValidationCollector();
        v.SchemaVersion(m.SchemaVersion);
        v.NotEmpty("requestId", m.RequestId);
        v.Text("deviceId", m.DeviceId, Limits.IdLength);
        v.Text("dialogueId", m.DialogueId, Limits.IdLength);
        v.Range("turn", m.Turn, 0, Limits.MaxTurn);
        v.Text("taskCategory", m.TaskCategory, Limits.NameLength);
        v.Range("promptTokens", m.PromptTokens, 0, Limits.MaxPromptTokens);
        v.Range("expectedOutputTokens", m.ExpectedOutputTokens, 1, Limits.MaxOutputTokens);
        v.Range("latencySloMs", m.LatencySloMs, 1, Limits.MaxLatencyMs);
        v.Timestamp("requestedAt", m.RequestedAt, now);
        ValidateModalities(m.Modalities, v);
        return v.Errors;
    }

    private static void ValidateModalities(IReadOnlyList<ModalityOffer>? modalities, ValidationCollector v)
    {
        // A JSON null slips past `required`, so it is checked here rather than trusted.
        if (modalities is null)
        {
            v.Add("modalities", "is required (use [] when nothing can be uploaded)");
            return;
        }

        if (modalities.Count > Limits.MaxModalities)
        {
            v.Add("modalities", $"has {modalities.Count} entries; at most {Limits.MaxModalities} are supported");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < modalities.Count; i++)
        {
            var prefix = $"modalities[{i}]";
            var offer = modalities[i];
            if (offer is null)
            {
                v.Add(prefix, "must not be null");
                continue;
            }

            v.Text($"{prefix}.id", offer.Id, Limits.NameLength);
            if (offer.Id is not null && !seen.Add(offer.Id))
            {
                v.Add($"{prefix}.id", $"'{offer.Id}' appears more than once");
            }

            v.Defined($"{prefix}.kind", offer.Kind);
            v.Range($"{prefix}.sizeBytes", offer.SizeBytes, 0, Limits.MaxModalityBytes);
            v.OptionalRange($"{prefix}.relevanceScore", offer.RelevanceScore, 0, 1);
        }
    }
}
