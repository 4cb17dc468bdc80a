namespace Controller.Persistence.Entities;

/// <summary>
/// One logged placement decision with everything off-policy evaluation and training need: the
/// chosen action, the probability it was chosen with, the policy version, the controller's
/// expectations, and the request as received.
/// </summary>
public sealed class DecisionEntity
{
    public Guid DecisionId { get; set; }

    /// <summary>Unique: a retried request finds the decision already made for it.</summary>
    public Guid RequestId { get; set; }

    public required string DeviceId { get; set; }

    public required string DialogueId { get; set; }

    /// <summary>Zero-based turn index within the dialogue.</summary>
    public int Turn { get; set; }

    public required string TaskCategory { get; set; }

    /// <summary>Name of a <see cref="Controller.Contracts.Location"/> value.</summary>
    public required string Location { get; set; }

    /// <summary>Ids of the offered modalities to upload; empty for local placement. Stored as JSON text.</summary>
    public string[] UploadModalityIds { get; set; } = [];

    /// <summary>Speculative draft length in tokens; 0 unless speculative.</summary>
    public int DraftLength { get; set; }

    /// <summary>Index of the chosen action in the flattened composite action space.</summary>
    public int ActionIndex { get; set; }

    /// <summary>Probability in (0, 1] with which the policy chose the action.</summary>
    public double Propensity { get; set; }

    public required string PolicyName { get; set; }

    public required string PolicyVersion { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Latency the controller expected for this decision, milliseconds.</summary>
    public double ExpectedLatencyMs { get; set; }

    /// <summary>Cloud spend the controller expected, US dollars.</summary>
    public double ExpectedCostUsd { get; set; }

    /// <summary>Device energy the controller expected, joules.</summary>
    public double ExpectedEnergyJoules { get; set; }

    /// <summary>The <see cref="Controller.Contracts.RequestPlacement"/> as received, JSON, for replay and training.</summary>
    public required string RequestJson { get; set; }

    /// <summary>Why the active policy's fallback made this decision; null when the policy decided itself.</summary>
    public string? FallbackReason { get; set; }

    /// <summary>The observation a learned policy decided from, float32 little-endian; null for policies without one.</summary>
    public byte[]? Observation { get; set; }

    /// <summary>The action mask it decided under, one byte per action of its problem (1 = allowed); null for policies without one.</summary>
    public byte[]? ActionMask { get; set; }

    /// <summary>The outcome joined to this decision, when loaded and reported.</summary>
    public OutcomeEntity? Outcome { get; set; }
}
