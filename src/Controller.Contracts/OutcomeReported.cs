namespace Controller.Contracts;

/// <summary>What happened when an edge agent executed a decision. Joined to the decision by <see cref="DecisionId"/>.</summary>
public sealed record OutcomeReported
{
    public required int SchemaVersion { get; init; }

    /// <summary>The decision this reports on; one outcome per decision, redeliveries are stored once.</summary>
    public required Guid DecisionId { get; init; }

    public required string DeviceId { get; init; }

    /// <summary>The location actually used; differs from the decision when the agent fell back.</summary>
    public required Location ExecutedLocation { get; init; }

    public required IReadOnlyList<string> ExecutedModalityIds { get; init; }

    /// <summary>Draft length actually used; 0 unless speculative.</summary>
    public required int ExecutedDraftLength { get; init; }

    public required double TimeToFirstTokenMs { get; init; }

    public required double TotalLatencyMs { get; init; }

    public required int TokensGenerated { get; init; }

    public required int DraftTokensProposed { get; init; }

    public required int DraftTokensAccepted { get; init; }

    public required long BytesUp { get; init; }

    public required long BytesDown { get; init; }

    /// <summary>Energy the device spent on this request, joules.</summary>
    public required double DeviceEnergyJoules { get; init; }

    /// <summary>Cloud spend for this request, US dollars.</summary>
    public required double CloudCostUsd { get; init; }

    /// <summary>Response quality score when a judge or the user provided one; null otherwise.</summary>
    public double? QualityScore { get; init; }

    public required DateTimeOffset ReportedAt { get; init; }
}
