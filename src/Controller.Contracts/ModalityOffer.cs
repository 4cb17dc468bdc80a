namespace Controller.Contracts;

/// <summary>One modality (camera view, audio clip, …) an edge device could upload with a request.</summary>
public sealed record ModalityOffer
{
    /// <summary>Identifier unique within the request, e.g. <c>cam-front</c>.</summary>
    public required string Id { get; init; }

    public required ModalityKind Kind { get; init; }

    /// <summary>Size of the encoded payload in bytes (what the uplink would carry).</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Prompt–modality relevance in [0, 1] when the device can estimate it; null when unknown.</summary>
    public double? RelevanceScore { get; init; }
}
