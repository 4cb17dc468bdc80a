namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Timing of one edge–cloud verification round (one network round trip per round):
/// T(k) = k·t_d + (k·b + h)/R_up + t_v0 + k·t_v1 + b_dn/R_dn + RTT = O·(1 + c_eff·k) with
/// O = t_v0 + RTT + h/R_up + b_dn/R_dn and c_eff = (t_d + b/R_up + t_v1)/O. Times in milliseconds,
/// sizes in bits, rates in megabits per second (1 Mbit/s carries 1,000 bits per millisecond).
/// </summary>
/// <param name="DraftMsPerToken">t_d, draft model time per proposed token, ms.</param>
/// <param name="UplinkBitsPerDraftToken">b, uplink bits per draft token (token id ≈ 32 bits; a dense fp16 distribution 0.5–2 Mbit).</param>
/// <param name="HeaderBits">h, uplink request framing per round, bits.</param>
/// <param name="UplinkMbps">R_up, uplink throughput, Mbit/s.</param>
/// <param name="VerifyBaseMs">t_v0, target verification time independent of k, ms.</param>
/// <param name="VerifyMsPerToken">t_v1, target verification time per drafted token, ms.</param>
/// <param name="DownlinkBitsPerRound">b_dn, verdict (accepted count, correction token, framing) per round, bits.</param>
/// <param name="DownlinkMbps">R_dn, downlink throughput, Mbit/s.</param>
/// <param name="RttMs">Round-trip time to the cloud, ms.</param>
public sealed record SpeculativeRound(
    double DraftMsPerToken,
    double UplinkBitsPerDraftToken,
    double HeaderBits,
    double UplinkMbps,
    double VerifyBaseMs,
    double VerifyMsPerToken,
    double DownlinkBitsPerRound,
    double DownlinkMbps,
    double RttMs)
{
    /// <summary>Bits per millisecond carried by one megabit per second.</summary>
    internal const double BitsPerMsPerMbps = 1_000;

    /// <summary>Uplink time of one draft token's payload, b/R_up, ms.</summary>
    public double UplinkMsPerDraftToken => UplinkBitsPerDraftToken / (UplinkMbps * BitsPerMsPerMbps);

    /// <summary>Round time as a line in k: Fixed = O (ms), PerDraftToken = t_d + b/R_up + t_v1 (ms per token).</summary>
    public AffineInDraftLength Time => new(
        VerifyBaseMs + RttMs + (HeaderBits / (UplinkMbps * BitsPerMsPerMbps)) + (DownlinkBitsPerRound / (DownlinkMbps * BitsPerMsPerMbps)),
        DraftMsPerToken + UplinkMsPerDraftToken + VerifyMsPerToken);

    /// <summary>O, the per-round overhead independent of k, ms.</summary>
    public double OverheadMs => Time.Fixed;

    /// <summary>c_eff = (t_d + b/R_up + t_v1)/O, the edge–cloud analogue of Leviathan's cost ratio c.</summary>
    public double EffectiveCostRatio => Time.PerDraftToken / Time.Fixed;

    /// <summary>T(k), wall time of one round with draft length <paramref name="draftLength"/>, ms.</summary>
    public double TimeMs(int draftLength)
    {
        SpeculativeDecoding.RequireDraftLength(draftLength, nameof(draftLength), allowZero: true);
        return Time.At(draftLength);
    }

    /// <summary>Θ(k) = E[N(k)] / T(k), generated tokens per second.</summary>
    public double ThroughputTokensPerSecond(double alpha, int draftLength) =>
        SpeculativeDecoding.ExpectedTokensPerRound(alpha, draftLength) * 1_000 / TimeMs(draftLength);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first parameter that is not usable.</summary>
    public void Validate()
    {
        RequirePositive(DraftMsPerToken, nameof(DraftMsPerToken));
        RequireNonNegative(UplinkBitsPerDraftToken, nameof(UplinkBitsPerDraftToken));
        RequireNonNegative(HeaderBits, nameof(HeaderBits));
        RequirePositive(UplinkMbps, nameof(UplinkMbps));
        RequireNonNegative(VerifyBaseMs, nameof(VerifyBaseMs));
        RequireNonNegative(VerifyMsPerToken, nameof(VerifyMsPerToken));
        RequireNonNegative(DownlinkBitsPerRound, nameof(DownlinkBitsPerRound));
        RequirePositive(DownlinkMbps, nameof(DownlinkMbps));
        RequireNonNegative(RttMs, nameof(RttMs));
        if (Time.Fixed <= 0)
        {
            throw new ArgumentException("Speculative round: the per-round overhead O must be > 0 (t_v0, RTT or framing).", nameof(VerifyBaseMs));
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Speculative round: {name} must be a finite number > 0.");
        }
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Speculative round: {name} must be a finite number ≥ 0.");
        }
    }
}
