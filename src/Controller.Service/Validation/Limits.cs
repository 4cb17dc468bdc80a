namespace Controller.Service.Validation;

/// <summary>
/// Bounds beyond which a value is physically implausible. They exist to stop corrupt telemetry from
/// poisoning training data and budgets, not to second-guess real devices, so they are generous.
/// </summary>
internal static class Limits
{
    public const int IdLength = 128;
    public const int NameLength = 64;
    /// <summary>The composite action space enumerates modality subsets: 2^8 = 256 per location is the cap.</summary>
    public const int MaxModalities = 8;
    public const int MaxDraftLength = 64;
    public const int MaxTurn = 10_000;
    public const int MaxPromptTokens = 1_000_000;
    public const int MaxOutputTokens = 100_000;
    public const long MaxModalityBytes = 1L << 30;
    public const long MaxTransferBytes = 1L << 36;
    public const double MaxLinkMbps = 100_000;
    public const double MaxRttMs = 60_000;
    public const double MaxLatencyMs = 86_400_000;
    public const double MaxEnergyJoules = 10_000_000;
    public const double MaxMemoryMb = 10_000_000;
    public const double MaxCostUsd = 1_000;
    public const double MaxQualityScore = 100;
}
