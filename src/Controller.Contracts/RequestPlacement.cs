namespace Controller.Contracts;

/// <summary>
/// An edge agent asks where to serve one LLM request. Answered with <see cref="PlacementDecided"/>.
/// </summary>
public sealed record RequestPlacement
{
    public required int SchemaVersion { get; init; }

    /// <summary>Unique per request; asking twice with the same id returns the same decision.</summary>
    public required Guid RequestId { get; init; }

    public required string DeviceId { get; init; }

    /// <summary>The dialogue (conversation) this turn belongs to; budgets are tracked per dialogue.</summary>
    public required string DialogueId { get; init; }

    /// <summary>Zero-based turn index within the dialogue.</summary>
    public required int Turn { get; init; }

    /// <summary>Task category, e.g. <c>Assistive System</c>, <c>Query</c>.</summary>
    public required string TaskCategory { get; init; }

    /// <summary>The modalities the device could upload for this request; may be empty.</summary>
    public required IReadOnlyList<ModalityOffer> Modalities { get; init; }

    public required int PromptTokens { get; init; }

    public required int ExpectedOutputTokens { get; init; }

    /// <summary>Latency the request should finish within, milliseconds.</summary>
    public required double LatencySloMs { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
