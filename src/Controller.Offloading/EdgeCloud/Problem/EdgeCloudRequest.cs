using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>One modality slot of a request: an image the device could upload, or nothing.</summary>
/// <param name="Present">True when the device holds this modality for the request.</param>
/// <param name="SizeBytes">Encoded payload, bytes (0 when absent).</param>
/// <param name="Relevance">How much the answer needs it, r ∈ [0, 1] (0 when absent).</param>
public readonly record struct ModalitySlot(bool Present, long SizeBytes, double Relevance);

/// <summary>One request of the simulated workload, as drawn before any policy acts on it.</summary>
/// <param name="Task">Task category (M4A1's: Assistive System, Message Editing, Query, Recommendation).</param>
/// <param name="PromptTokens">Prompt length, tokens.</param>
/// <param name="OutputTokens">Answer length L, tokens.</param>
/// <param name="Modalities">The request's modality slots (length <see cref="EdgeCloudProblem.ModalitySlots"/>).</param>
/// <param name="TextAlpha">True text-only draft acceptance α for this request.</param>
/// <param name="AlphaEstimate">The device's running estimate of α (what the policy sees).</param>
/// <param name="FreeMemoryMb">Memory free for the draft at decision time, MB (bounds k, SpecMemo-style).</param>
/// <param name="ThinkSeconds">User think time after this answer before the next request, s.</param>
/// <param name="DraftTokenBits">
/// Uplink bits per draft token in speculative rounds: <see cref="WireFormat.Default"/>'s 32-bit id for greedy decoding,
/// more when the request samples and the target needs the draft's probabilities (<see cref="EdgeCloudProblem.SampledDraftTokenBits"/>).
/// </param>
public sealed record EdgeCloudRequest(
    string Task,
    int PromptTokens,
    int OutputTokens,
    IReadOnlyList<ModalitySlot> Modalities,
    double TextAlpha,
    double AlphaEstimate,
    double FreeMemoryMb,
    double ThinkSeconds,
    double DraftTokenBits = 32)
{
    /// <summary>Bit i set when slot i is present.</summary>
    public int PresentMask
    {
        get
        {
            var mask = 0;
            for (var i = 0; i < Modalities.Count; i++)
            {
                mask |= Modalities[i].Present ? 1 << i : 0;
            }

            return mask;
        }
    }
}
