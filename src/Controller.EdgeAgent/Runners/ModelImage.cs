namespace Controller.EdgeAgent.Runners;

/// <summary>An uploaded modality attached to a prompt: its id (as in the decision), its bytes and media type.</summary>
public sealed record ModelImage(string ModalityId, ReadOnlyMemory<byte> Bytes, string MediaType);
