namespace Controller.Offloading.EdgeCloud.Acceptance;

/// <summary>A speculative-decoding model pair and how far its acceptance sits from the reference default.</summary>
/// <param name="Draft">Draft model on the device, e.g. <c>qwen2.5-0.5b</c>.</param>
/// <param name="Target">Target model in the cloud, e.g. <c>qwen2.5-72b</c>.</param>
/// <param name="AlphaOffset">Added to a task's text-only α prior (which is for a ≈ 0.5B draft and a large target).</param>
public sealed record DraftTargetPair(string Draft, string Target, double AlphaOffset);
