namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// The cloud model: one target, Qwen2.5-VL-72B-Instruct, whose step time, draft acceptance (the Qwen2.5 draft pairs
/// of <c>datasets/edge-cloud/acceptance.csv</c>) and price all belong to it. Defaults and sources are on
/// <see cref="Qwen25Vl72B"/>; <c>docs/edge-cloud.md</c> tables them.
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
    /// Qwen2.5-VL-72B-Instruct, self-hosted on vLLM-style continuous batching (it can verify drafts, which a closed API
    /// cannot). Price: Alibaba Cloud Model Studio's international list price for qwen2.5-vl-72b-instruct,
    /// $2.80 / $8.40 per 10⁶ input / output tokens (as recalled offline; check before quoting); an image at
    /// 1024×1024 is (1024/28)² ≈ 1,337 visual tokens (Qwen2.5-VL: one token per 28×28-pixel patch) = $0.00374.
    /// Timing (assumptions inside the reference's ranges): 250 ms fixed prefill overhead, 5,000 prompt tokens/s,
    /// 150 ms per image (vision encoder), t_step = 30 ms (a 72B dense target under moderate batch load),
    /// t_v0 = 30 ms (the same pass as one decode step), t_v1 = 1.5 ms per drafted token (reference: 15–40 ms
    /// idle, 0–3 ms/token). KV cache: 80 layers × 8 KV heads × 128 dims × 2 (K, V) × 2 bytes = 327,680 B per token
    /// (Qwen2.5-72B's published GQA configuration), priced at an H100 80 GB's assumed $2.50 per GPU-hour.
    /// </summary>
    public static CloudProfile Qwen25Vl72B { get; } = new(
        PrefillBaseMs: 250,
        PrefillTokensPerSecond: 5_000,
        ModalityProcessingMs: 150,
        StepMs: 30,
        VerifyBaseMs: 30,
        VerifyMsPerToken: 1.5,
        UsdPerMillionInputTokens: 2.80,
        UsdPerMillionOutputTokens: 8.40,
        UsdPerModality: 1_337 * 2.80 / 1_000_000)
    {
        KvBytesPerToken = 80 * 8 * 128 * 2 * 2,
        KvUsdPerByteSecond = 2.50 / 3_600 / 80e9,
    };

    /// <summary>KV cache bytes the target keeps per context token.</summary>
    public double KvBytesPerToken { get; init; }

    /// <summary>Price of holding one byte of accelerator memory for one second, US$ (GPU rental / memory).</summary>
    public double KvUsdPerByteSecond { get; init; }

    /// <summary>
    /// Mean wait of a verification request for the running batch iteration to end before it joins (iteration-level
    /// scheduling, Orca, Yu et al., OSDI 2022): arrivals uniform over a step of t_step wait t_step/2, ms. Streamed
    /// decoding pays it once, inside the prefill overhead; every speculative round pays it again.
    /// </summary>
    public double BatchWaitMs => StepMs / 2;

    /// <summary>
    /// Price of holding <paramref name="contextTokens"/> tokens of KV cache for <paramref name="milliseconds"/>, US$: a
    /// speculative request keeps its cache resident through the whole round, network time included, while the
    /// per-token price only pays for the verify pass.
    /// </summary>
    public double KvHoldUsd(double contextTokens, double milliseconds) =>
        contextTokens * KvBytesPerToken * KvUsdPerByteSecond * milliseconds / 1_000;

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
        RequireNonNegative(KvBytesPerToken, nameof(KvBytesPerToken));
        RequireNonNegative(KvUsdPerByteSecond, nameof(KvUsdPerByteSecond));
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
