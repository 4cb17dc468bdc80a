namespace Controller.Persistence.Entities;

/// <summary>
/// What a shadow policy would have decided for a live request: logged beside the live decision (keyed by its id), never
/// returned to the agent. One row per (live decision, shadow policy version); deleted with its decision.
/// </summary>
public sealed class ShadowDecisionEntity
{
    /// <summary>The live decision this shadow decision was made for.</summary>
    public Guid DecisionId { get; set; }

    public required string PolicyName { get; set; }

    public required string PolicyVersion { get; set; }

    public int ActionIndex { get; set; }

    /// <summary>Name of the <see cref="Controller.Contracts.Location"/> the shadow chose.</summary>
    public required string Location { get; set; }

    public string[] UploadModalityIds { get; set; } = [];

    public int DraftLength { get; set; }

    /// <summary>Probability in (0, 1] with which the shadow policy chose its action.</summary>
    public double Propensity { get; set; }

    public double ExpectedLatencyMs { get; set; }

    public double ExpectedCostUsd { get; set; }

    public double ExpectedEnergyJoules { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}
