namespace Controller.Offloading.Devices;

/// <summary>
/// What one class of edge device can do, as the cost model needs it: the local model (a
/// Phi-3-mini class 3.8B model, 4-bit), the speculative draft model (≈ 0.5–1B, same family as the
/// cloud target), power draw and memory. Figures and their sources are tabled in
/// <c>docs/decision-model.md</c>.
/// </summary>
/// <param name="Name">Device class name as agents report it in <c>HeartbeatReported.DeviceClass</c>, e.g. <c>jetson-tx2</c>.</param>
/// <param name="LocalDecodeTokensPerSecond">Local model generation speed, tokens per second (batch 1).</param>
/// <param name="LocalPrefillTokensPerSecond">Local model prompt processing speed, tokens per second.</param>
/// <param name="LocalActivePowerWatts">Device power while the local model runs, watts (whole board or SoC).</param>
/// <param name="DraftMsPerToken">Draft model time per proposed token t_d, milliseconds.</param>
/// <param name="DraftJoulesPerToken">Draft model compute energy per proposed token e_d, joules.</param>
/// <param name="WaitPowerWatts">Device power above its sleep floor while it is awake waiting on the cloud (radio excluded), watts.</param>
/// <param name="BatteryWattHours">Battery capacity in watt-hours; null for a mains-powered device.</param>
/// <param name="MemoryMb">Memory available to inference (RAM, or VRAM on a discrete GPU), megabytes.</param>
/// <param name="DraftModelMemoryMb">Resident size of the draft model (weights and runtime), megabytes.</param>
/// <param name="DraftMemoryMbPerDraftToken">
/// Extra memory per token of draft length k (the draft distribution kept for verification plus KV cache
/// growth), megabytes; bounds k SpecMemo-style given the free memory.
/// </param>
public sealed record DeviceProfile(
    string Name,
    double LocalDecodeTokensPerSecond,
    double LocalPrefillTokensPerSecond,
    double LocalActivePowerWatts,
    double DraftMsPerToken,
    double DraftJoulesPerToken,
    double WaitPowerWatts,
    double? BatteryWattHours,
    double MemoryMb,
    double DraftModelMemoryMb,
    double DraftMemoryMbPerDraftToken)
{
    /// <summary>
    /// How many times faster the draft model processes the prompt than the local model: prefill is compute-bound, so
    /// the ratio of parameters, 3.8B (Phi-3-mini local model) / 1B (phone draft) = 3.8 by default, 7.6 for a 0.5B draft.
    /// </summary>
    public double DraftPrefillSpeedup { get; init; } = LocalToPhoneDraftParameters;

    /// <summary>3.8B local model over a 1B draft.</summary>
    public const double LocalToPhoneDraftParameters = 3.8;

    /// <summary>3.8B local model over a 0.5B draft.</summary>
    public const double LocalToSmallDraftParameters = 7.6;

    /// <summary>Draft model prompt processing speed, tokens per second (speculative decoding prefills the draft on the device).</summary>
    public double DraftPrefillTokensPerSecond => LocalPrefillTokensPerSecond * DraftPrefillSpeedup;

    /// <summary>Device draw while the draft model computes, e_d / t_d, watts.</summary>
    public double DraftPowerWatts => DraftJoulesPerToken * 1_000 / DraftMsPerToken;

    /// <summary>Local model energy per generated token, joules: active power / decode speed.</summary>
    public double LocalJoulesPerToken => LocalActivePowerWatts / LocalDecodeTokensPerSecond;

    /// <summary>
    /// Largest draft length whose draft state fits in <paramref name="freeMemoryMb"/>:
    /// ⌊(free − draft model) / per-token⌋, clamped to [0, <paramref name="maxDraftLength"/>]. 0 means the
    /// draft model itself does not fit and speculative decoding is infeasible.
    /// </summary>
    public int DraftLengthCap(double freeMemoryMb, int maxDraftLength)
    {
        if (double.IsNaN(freeMemoryMb) || freeMemoryMb < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(freeMemoryMb), freeMemoryMb, "Free memory must be a non-negative number of megabytes.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxDraftLength);
        double spare = freeMemoryMb - DraftModelMemoryMb;
        if (spare < DraftMemoryMbPerDraftToken)
        {
            return 0;
        }

        double cap = Math.Floor(spare / DraftMemoryMbPerDraftToken);
        return cap >= maxDraftLength ? maxDraftLength : (int)cap;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that is not a usable value.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("Device profile needs a non-empty Name.", nameof(Name));
        }

        RequirePositive(LocalDecodeTokensPerSecond, nameof(LocalDecodeTokensPerSecond));
        RequirePositive(DraftPrefillSpeedup, nameof(DraftPrefillSpeedup));
        RequirePositive(LocalPrefillTokensPerSecond, nameof(LocalPrefillTokensPerSecond));
        RequirePositive(LocalActivePowerWatts, nameof(LocalActivePowerWatts));
        RequirePositive(DraftMsPerToken, nameof(DraftMsPerToken));
        RequireNonNegative(DraftJoulesPerToken, nameof(DraftJoulesPerToken));
        RequireNonNegative(WaitPowerWatts, nameof(WaitPowerWatts));
        if (BatteryWattHours is { } battery)
        {
            RequirePositive(battery, nameof(BatteryWattHours));
        }

        RequirePositive(MemoryMb, nameof(MemoryMb));
        RequireNonNegative(DraftModelMemoryMb, nameof(DraftModelMemoryMb));
        RequirePositive(DraftMemoryMbPerDraftToken, nameof(DraftMemoryMbPerDraftToken));
    }

    private void RequirePositive(double value, string field)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentException($"Device profile '{Name}': {field} must be a finite number > 0, got {value}.", field);
        }
    }

    private void RequireNonNegative(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentException($"Device profile '{Name}': {field} must be a finite number ≥ 0, got {value}.", field);
        }
    }
}
