using System.Text.Json;
using Controller.Contracts;

namespace Controller.Persistence.Entities;

/// <summary>
/// Checks an entity before it is written, so bad input gets an <see cref="ArgumentException"/>
/// naming the entity, field and value on both providers alike. Without it the providers disagree:
/// SQLite stores an over-long string and turns NaN into NULL (then fails a NOT NULL constraint),
/// PostgreSQL rejects both, and rejects NUL characters, with errors that do not name the field.
/// </summary>
public static class EntityValidator
{
    public static void Validate(HeartbeatEntity heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        var check = new Checker($"Heartbeat {heartbeat.HeartbeatId}");
        check.NotEmpty(heartbeat.HeartbeatId, nameof(heartbeat.HeartbeatId));
        check.Text(heartbeat.DeviceId, nameof(heartbeat.DeviceId), ColumnLengths.Identifier);
        check.Text(heartbeat.DeviceClass, nameof(heartbeat.DeviceClass), ColumnLengths.Identifier);
        check.EnumName<NetworkType>(heartbeat.Network, nameof(heartbeat.Network));
        check.Finite(heartbeat.BatteryPercent, nameof(heartbeat.BatteryPercent));
        check.Finite(heartbeat.EnergyBudgetRemainingJoules, nameof(heartbeat.EnergyBudgetRemainingJoules));
        check.Finite(heartbeat.FreeMemoryMb, nameof(heartbeat.FreeMemoryMb));
        check.Finite(heartbeat.CpuLoad, nameof(heartbeat.CpuLoad));
        check.Finite(heartbeat.GpuLoad, nameof(heartbeat.GpuLoad));
        check.Finite(heartbeat.TemperatureCelsius, nameof(heartbeat.TemperatureCelsius));
        check.Finite(heartbeat.UplinkMbps, nameof(heartbeat.UplinkMbps));
        check.Finite(heartbeat.DownlinkMbps, nameof(heartbeat.DownlinkMbps));
        check.Finite(heartbeat.RttMs, nameof(heartbeat.RttMs));
        check.Finite(heartbeat.DraftAcceptanceEstimate, nameof(heartbeat.DraftAcceptanceEstimate));
    }

    public static void Validate(DecisionEntity decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var check = new Checker($"Decision {decision.DecisionId}");
        check.NotEmpty(decision.DecisionId, nameof(decision.DecisionId));
        check.NotEmpty(decision.RequestId, nameof(decision.RequestId));
        check.Text(decision.DeviceId, nameof(decision.DeviceId), ColumnLengths.Identifier);
        check.Text(decision.DialogueId, nameof(decision.DialogueId), ColumnLengths.Identifier);
        check.NotNegative(decision.Turn, nameof(decision.Turn));
        check.Text(decision.TaskCategory, nameof(decision.TaskCategory), ColumnLengths.TaskCategory);
        check.EnumName<Location>(decision.Location, nameof(decision.Location));
        check.TextList(decision.UploadModalityIds, nameof(decision.UploadModalityIds));
        check.NotNegative(decision.DraftLength, nameof(decision.DraftLength));
        check.NotNegative(decision.ActionIndex, nameof(decision.ActionIndex));
        if (!(decision.Propensity > 0 && decision.Propensity <= 1))
        {
            check.Fail(nameof(decision.Propensity), decision.Propensity, "must be in (0, 1]");
        }

        check.Text(decision.PolicyName, nameof(decision.PolicyName), ColumnLengths.PolicyName);
        check.Text(decision.PolicyVersion, nameof(decision.PolicyVersion), ColumnLengths.PolicyVersion);
        check.Finite(decision.ExpectedLatencyMs, nameof(decision.ExpectedLatencyMs));
        check.Finite(decision.ExpectedCostUsd, nameof(decision.ExpectedCostUsd));
        check.Finite(decision.ExpectedEnergyJoules, nameof(decision.ExpectedEnergyJoules));
        check.Json(decision.RequestJson, nameof(decision.RequestJson));
    }

    public static void Validate(OutcomeEntity outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var check = new Checker($"Outcome of decision {outcome.DecisionId}");
        check.NotEmpty(outcome.DecisionId, nameof(outcome.DecisionId));
        check.Text(outcome.DeviceId, nameof(outcome.DeviceId), ColumnLengths.Identifier);
        check.EnumName<Location>(outcome.ExecutedLocation, nameof(outcome.ExecutedLocation));
        check.TextList(outcome.ExecutedModalityIds, nameof(outcome.ExecutedModalityIds));
        check.NotNegative(outcome.ExecutedDraftLength, nameof(outcome.ExecutedDraftLength));
        check.Finite(outcome.TimeToFirstTokenMs, nameof(outcome.TimeToFirstTokenMs));
        check.Finite(outcome.TotalLatencyMs, nameof(outcome.TotalLatencyMs));
        check.NotNegative(outcome.TokensGenerated, nameof(outcome.TokensGenerated));
        check.NotNegative(outcome.DraftTokensProposed, nameof(outcome.DraftTokensProposed));
        check.NotNegative(outcome.DraftTokensAccepted, nameof(outcome.DraftTokensAccepted));
        check.NotNegative(outcome.BytesUp, nameof(outcome.BytesUp));
        check.NotNegative(outcome.BytesDown, nameof(outcome.BytesDown));
        check.Finite(outcome.DeviceEnergyJoules, nameof(outcome.DeviceEnergyJoules));
        check.Finite(outcome.CloudCostUsd, nameof(outcome.CloudCostUsd));
        check.Finite(outcome.QualityScore, nameof(outcome.QualityScore));
    }

    public static void Validate(PolicyEntity policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var check = new Checker($"Policy {policy.Name}/{policy.Version}");
        check.Text(policy.Name, nameof(policy.Name), ColumnLengths.PolicyName);
        check.Text(policy.Version, nameof(policy.Version), ColumnLengths.PolicyVersion);
        check.Text(policy.Algorithm, nameof(policy.Algorithm), ColumnLengths.Algorithm);
        check.Defined(policy.Status, nameof(policy.Status));
        if (policy.ManifestJson is not null)
        {
            check.Json(policy.ManifestJson, nameof(policy.ManifestJson));
        }

        if (policy.BundlePath is not null)
        {
            check.Text(policy.BundlePath, nameof(policy.BundlePath), ColumnLengths.Path);
        }
    }

    public static void Validate(PolicyBundleEntity bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var check = new Checker($"Policy bundle {bundle.Name}/{bundle.Version}");
        check.Text(bundle.Name, nameof(bundle.Name), ColumnLengths.PolicyName);
        check.Text(bundle.Version, nameof(bundle.Version), ColumnLengths.PolicyVersion);
        if (bundle.Weights is null || bundle.Weights.Length == 0)
        {
            check.Fail(nameof(bundle.Weights), bundle.Weights?.Length, "must not be empty");
        }

        check.Sha256(bundle.PackageSha256, nameof(bundle.PackageSha256));
        if (bundle.PackageSizeBytes <= 0)
        {
            check.Fail(nameof(bundle.PackageSizeBytes), bundle.PackageSizeBytes, "must be > 0");
        }
    }

    public static void Validate(PolicyHistoryEntity change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var check = new Checker($"Policy change {change.Name}/{change.Version}");
        check.NotEmpty(change.ChangeId, nameof(change.ChangeId));
        check.Text(change.Name, nameof(change.Name), ColumnLengths.PolicyName);
        check.Text(change.Version, nameof(change.Version), ColumnLengths.PolicyVersion);
        if (change.FromStatus is { } from)
        {
            check.Defined(from, nameof(change.FromStatus));
        }

        check.Defined(change.ToStatus, nameof(change.ToStatus));
        check.Text(change.ChangedBy, nameof(change.ChangedBy), ColumnLengths.Actor);
        check.Text(change.Reason, nameof(change.Reason), ColumnLengths.Reason);
        if (change.RelatedName is not null || change.RelatedVersion is not null)
        {
            check.Text(change.RelatedName, nameof(change.RelatedName), ColumnLengths.PolicyName);
            check.Text(change.RelatedVersion, nameof(change.RelatedVersion), ColumnLengths.PolicyVersion);
        }
    }

    public static void Validate(ShadowDecisionEntity shadow)
    {
        ArgumentNullException.ThrowIfNull(shadow);
        var check = new Checker($"Shadow decision {shadow.DecisionId} of {shadow.PolicyName}/{shadow.PolicyVersion}");
        check.NotEmpty(shadow.DecisionId, nameof(shadow.DecisionId));
        check.Text(shadow.PolicyName, nameof(shadow.PolicyName), ColumnLengths.PolicyName);
        check.Text(shadow.PolicyVersion, nameof(shadow.PolicyVersion), ColumnLengths.PolicyVersion);
        check.NotNegative(shadow.ActionIndex, nameof(shadow.ActionIndex));
        check.EnumName<Location>(shadow.Location, nameof(shadow.Location));
        check.TextList(shadow.UploadModalityIds, nameof(shadow.UploadModalityIds));
        check.NotNegative(shadow.DraftLength, nameof(shadow.DraftLength));
        if (!(shadow.Propensity > 0 && shadow.Propensity <= 1))
        {
            check.Fail(nameof(shadow.Propensity), shadow.Propensity, "must be in (0, 1]");
        }

        check.Finite(shadow.ExpectedLatencyMs, nameof(shadow.ExpectedLatencyMs));
        check.Finite(shadow.ExpectedCostUsd, nameof(shadow.ExpectedCostUsd));
        check.Finite(shadow.ExpectedEnergyJoules, nameof(shadow.ExpectedEnergyJoules));
    }

    public static void Validate(TrainingJobEntity job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var check = new Checker($"Training job {job.JobId}");
        check.NotEmpty(job.JobId, nameof(job.JobId));
        check.Text(job.PolicyName, nameof(job.PolicyName), ColumnLengths.PolicyName);
        check.Text(job.Algorithm, nameof(job.Algorithm), ColumnLengths.Algorithm);
        check.Defined(job.Status, nameof(job.Status));
        check.Json(job.ConfigJson, nameof(job.ConfigJson));
        if (job.MetricsJson is not null)
        {
            check.Json(job.MetricsJson, nameof(job.MetricsJson));
        }

        if (job.Error is not null)
        {
            check.NoNul(job.Error, nameof(job.Error));
        }
    }

    /// <summary>Checks the values a training job finishes with (see <c>TrainingJobStore.CompleteAsync</c>).</summary>
    public static void ValidateCompletion(Guid jobId, string? metricsJson, string? error)
    {
        var check = new Checker($"Training job {jobId}");
        if (metricsJson is not null)
        {
            check.Json(metricsJson, nameof(TrainingJobEntity.MetricsJson));
        }

        if (error is not null)
        {
            check.NoNul(error, nameof(TrainingJobEntity.Error));
        }
    }

    private readonly struct Checker(string subject)
    {
        public void Text(string? value, string field, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Fail(field, value, "must not be empty");
            }

            if (value.Length > maxLength)
            {
                Fail(field, value, $"is {value.Length} characters, more than the {maxLength} allowed");
            }

            NoNul(value, field);
        }

        public void NoNul(string value, string field)
        {
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                Fail(field, value.Replace("\0", "\\0", StringComparison.Ordinal), "contains a NUL character");
            }
        }

        public void TextList(string[]? values, string field)
        {
            if (values is null)
            {
                Fail(field, null, "must not be null (use an empty list)");
            }

            for (var i = 0; i < values.Length; i++)
            {
                Text(values[i], $"{field}[{i}]", ColumnLengths.Identifier);
            }
        }

        public void EnumName<TEnum>(string? value, string field)
            where TEnum : struct, Enum
        {
            if (!Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal))
            {
                Fail(field, value, $"is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}");
            }
        }

        public void Defined<TEnum>(TEnum value, string field)
            where TEnum : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                Fail(field, value, $"is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}");
            }
        }

        public void Finite(double? value, string field)
        {
            if (value is { } number && !double.IsFinite(number))
            {
                Fail(field, number, "must be a finite number");
            }
        }

        public void NotNegative(long value, string field)
        {
            if (value < 0)
            {
                Fail(field, value, "must not be negative");
            }
        }

        public void Sha256(string? value, string field)
        {
            if (value is null || value.Length != ColumnLengths.Sha256Hex || !value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                Fail(field, value, "must be 64 lower-case hex digits (a SHA-256)");
            }
        }

        public void NotEmpty(Guid value, string field)
        {
            if (value == Guid.Empty)
            {
                Fail(field, value, "must not be the empty GUID");
            }
        }

        public void Json(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Fail(field, value, "must be JSON, not empty");
            }

            try
            {
                using var document = JsonDocument.Parse(value);
            }
            catch (JsonException exception)
            {
                throw new ArgumentException($"{subject}: {field} is not valid JSON ({exception.Message}).", field, exception);
            }
        }

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public void Fail(string field, object? value, string problem) =>
            throw new ArgumentException($"{subject}: {field} '{value ?? "null"}' {problem}.", field);
    }
}
