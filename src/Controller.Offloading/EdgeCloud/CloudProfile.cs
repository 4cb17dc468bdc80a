namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// The cloud model: GPT-4o class in quality and price, timed as a large self-hosted target that can
/// also verify drafts (a hosted API does not expose verification, so timing follows the reference's
/// verify ranges). Defaults and their sources are on <see cref="Gpt4oClass"/>.
/// </summary>
/// <param name="PrefillBaseMs">Queueing and fixed overhead before the first token, ms.</param>
/// <param name="PrefillTokensPerSecond">Prompt processing speed, tokens per second.</param>
/// <param name="ModalityProcessingMs">Extra prefill time per uploaded modality (image encoder), ms.</param>
/// <param name="StepMs">t_step, time per generated token when the cloud decodes alone (streamed), ms.</param>
/// <param name="VerifyBaseMs">t_v0, verification pass time independent of k, ms.</param>
/// <param name="VerifyMsPerToken">t_v1, verification time per drafted token, ms.</param>
/// <param name="UsdPerMillionInputTokens">Price of prompt tokens, US$ per 10⁶.</param>
/// <param name="UsdPerMillionOutputTokens">Price of generated tokens, US$ per 10⁶.</param>
/// <param name="UsdPerModality">Price of one uploaded modality (an image at high detail), US$.</param>
public sealed record CloudProfile(
    double PrefillBaseMs,
    double PrefillTokensPerSecond,
    double ModalityProcessingMs,
    double StepMs,
    double VerifyBaseMs,
    double VerifyMsPerToken,
    double UsdPerMillionInputTokens,
    double UsdPerMillionOutputTokens,
    double UsdPerModality)
{
    /// <summary>
    /// GPT-4o class. Prices: OpenAI list prices for gpt-4o-2024-08-06, $2.50 / $10.00 per 10⁶ input /
    /// output tokens; an image at high detail, 1024×1024, is 765 input tokens = $0.0019125 (TMO logged
    /// ≈ $0.0045 per image with larger images). Timing (assumptions inside the reference's ranges): a
    /// 250 ms fixed prefill overhead, 5,000 prompt tokens/s, 150 ms per uploaded image, t_step = 30 ms
    /// (a large target under moderate batch load), t_v0 = 30 ms (the same pass as one decode step),
    /// t_v1 = 1.5 ms per drafted token (reference: 15–40 ms idle, 0–3 ms/token).
    /// </summary>
    public static CloudProfile Gpt4oClass { get; } = new(
        PrefillBaseMs: 250,
        PrefillTokensPerSecond: 5_000,
        ModalityProcessingMs: 150,
        StepMs: 30,
        VerifyBaseMs: 30,
        VerifyMsPerToken: 1.5,
        UsdPerMillionInputTokens: 2.50,
        UsdPerMillionOutputTokens: 10.00,
        UsdPerModality: 765 * 2.50 / 1_000_000);

    /// <summary>Cloud time from receiving the request to emitting the first token, ms.</summary>
    public double PrefillMs(int promptTokens, int modalityCount) =>
        PrefillBaseMs + (promptTokens * 1_000.0 / PrefillTokensPerSecond) + (modalityCount * ModalityProcessingMs);

    /// <summary>Price of the prompt and uploaded modalities, US$.</summary>
    public double InputUsd(int promptTokens, int modalityCount) =>
        (promptTokens * UsdPerMillionInputTokens / 1_000_000) + (modalityCount * UsdPerModality);

    /// <summary>Price of <paramref name="tokens"/> generated tokens, US$.</summary>
    public double OutputUsd(double tokens) => tokens * UsdPerMillionOutputTokens / 1_000_000;

    /// <summary>
    /// Price of one verification round as a line in k, US$. The output-token price pays for one target
    /// decode step of t_step, so a verify pass of t_v0 + k·t_v1 is charged as (t_v0 + k·t_v1)/t_step output
    /// tokens: speculative decoding is cheaper than streaming exactly when it saves target compute.
    /// </summary>
    public AffineInDraftLength VerifyRoundUsd => new(
        OutputUsd(VerifyBaseMs / StepMs), OutputUsd(VerifyMsPerToken / StepMs));

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first parameter that is not usable.</summary>
    public void Validate()
    {
        RequireNonNegative(PrefillBaseMs, nameof(PrefillBaseMs));
        RequirePositive(PrefillTokensPerSecond, nameof(PrefillTokensPerSecond));
        RequireNonNegative(ModalityProcessingMs, nameof(ModalityProcessingMs));
        RequirePositive(StepMs, nameof(StepMs));
        RequireNonNegative(VerifyBaseMs, nameof(VerifyBaseMs));
        RequireNonNegative(VerifyMsPerToken, nameof(VerifyMsPerToken));
        RequireNonNegative(UsdPerMillionInputTokens, nameof(UsdPerMillionInputTokens));
        RequireNonNegative(UsdPerMillionOutputTokens, nameof(UsdPerMillionOutputTokens));
        RequireNonNegative(UsdPerModality, nameof(UsdPerModality));
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Cloud profile: {name} must be a finite number > 0.");
        }
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Cloud profile: {name} must be a finite number ≥ 0.");
        }
    }
}
