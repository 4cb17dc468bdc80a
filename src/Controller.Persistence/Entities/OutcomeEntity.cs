namespace Controller.Persistence.Entities;

/// <summary>
/// What happened when an agent executed a decision. The primary key is the decision id and a
/// foreign key to it: at most one outcome per decision, and never one without its decision.
/// </summary>
public sealed class OutcomeEntity
{
    public Guid DecisionId { get; set; }

    public required string DeviceId { get; set; }

    /// <summary>Name of the <see cref="Controller.Contracts.Location"/> actually used.</summary>
    public required string ExecutedLocation { get; set; }

    /// <summary>Modality ids actually uploaded. Stored as JSON text.</summary>
    public string[] ExecutedModalityIds { get; set; } = [];

    /// <summary>Draft length actually used, tokens; 0 unless speculative.</summary>
    public int ExecutedDraftLength { get; set; }

    public double TimeToFirstTokenMs { get; set; }

    public double TotalLatencyMs { get; set; }

    public int TokensGenerated { get; set; }

    public int DraftTokensProposed { get; set; }

    public int DraftTokensAccepted { get; set; }

    public long BytesUp { get; set; }

    public long BytesDown { get; set; }

    /// <summary>Energy the device spent, joules.</summary>
    public double DeviceEnergyJoules { get; set; }

    /// <summary>Cloud spend, US dollars.</summary>
    public double CloudCostUsd { get; set; }

    /// <summary>Response quality score when one was provided; null otherwise.</summary>
    public double? QualityScore { get; set; }

    /// <summary>When the agent reported it (device clock).</summary>
    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>When the controller received it (controller clock).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
