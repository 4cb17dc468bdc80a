using Controller.Offloading.Devices;

namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Expected per-request latency, energy, spend and traffic of the three modes (L output tokens,
/// S = prompt + chosen modalities + framing on the uplink):
/// <code>
/// local        TTFT = P/v_prefill + 1/v_dec              total = P/v_prefill + L/v_dec
/// cloud        TTFT = RTT + S/R_up + t_prefill + t_step  total = RTT + S/R_up + t_prefill + L·t_step   (streamed)
/// speculative  TTFT = RTT + S/R_up + t_prefill + T(k)    total = RTT + S/R_up + t_prefill + (L/E[N(k)])·T(k)
/// </code>
/// Energy: local = P_active·total; cloud = (P_wait + β)·total + α_u·Mbit up + α_d·Mbit down + tail;
/// speculative = (P_wait + β)·(RTT + S/R_up + t_prefill) + α_u·S + (L/E[N])·E(k) + tail.
/// Spend: cloud = input + images + L·p_out; speculative = input + images + (L/E[N])·p_out·(t_v0 + k·t_v1)/t_step.
/// The draft's own prompt prefill overlaps the upload and the cloud prefill and is not counted.
/// Thread-safe: immutable.
/// </summary>
public sealed class EdgeCloudCostModel
{
    public EdgeCloudCostModel(CloudProfile cloud, WireFormat wire, QualityModel quality, AcceptanceModel acceptance)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(wire);
        ArgumentNullException.ThrowIfNull(quality);
        ArgumentNullException.ThrowIfNull(acceptance);
        cloud.Validate();
        wire.Validate();
        Cloud = cloud;
        Wire = wire;
        Quality = quality;
        Acceptance = acceptance;
    }

    /// <summary>GPT-4o class cloud, default wire format, M4A1 quality medians, default acceptance priors.</summary>
    public static EdgeCloudCostModel Default { get; } =
        new(CloudProfile.Gpt4oClass, WireFormat.Default, QualityModel.M4A1Medians, AcceptanceModel.Default);

    public CloudProfile Cloud { get; }

    public WireFormat Wire { get; }

    public QualityModel Quality { get; }

    public AcceptanceModel Acceptance { get; }

    /// <summary>Bytes of the initial upload: framing, prompt text and the chosen modalities' payloads.</summary>
    public double UploadBytes(int promptTokens, long modalityBytes) =>
        Wire.RequestFramingBytes + (promptTokens * Wire.TextBytesPerToken) + modalityBytes;

    /// <summary>Serving on the device's own model.</summary>
    public ModeCost Local(DeviceProfile device, int promptTokens, int outputTokens)
    {
        ArgumentNullException.ThrowIfNull(device);
        RequireTokens(promptTokens, outputTokens);
        double prefillMs = promptTokens * 1_000.0 / device.LocalPrefillTokensPerSecond;
        double tokenMs = 1_000.0 / device.LocalDecodeTokensPerSecond;
        double totalMs = prefillMs + (outputTokens * tokenMs);
        return new ModeCost(totalMs, prefillMs + tokenMs, device.LocalActivePowerWatts * totalMs / 1_000, 0, 0, 0);
    }

    /// <summary>Serving on the cloud model, the answer streamed back.</summary>
    /// <param name="modalityBytes">Total payload of the uploaded modalities, bytes.</param>
    /// <param name="modalityCount">Number of uploaded modalities.</param>
    public ModeCost CloudOnly(in LinkConditions link, int promptTokens, int outputTokens, long modalityBytes, int modalityCount)
    {
        RequireTokens(promptTokens, outputTokens);
        RequireUpload(modalityBytes, modalityCount);
        double upBytes = UploadBytes(promptTokens, modalityBytes);
        double downBytes = Wire.ResponseFramingBytes + (outputTokens * Wire.TextBytesPerToken);
        double beforeDecodeMs = BeforeDecodeMs(link, upBytes, promptTokens, modalityCount);
        double totalMs = beforeDecodeMs + (outputTokens * Cloud.StepMs);
        double energy = (WaitWatts(link) * totalMs / 1_000) + RadioTransferJoules(link, upBytes, downBytes) + link.Network.TailJoules;
        double usd = Cloud.InputUsd(promptTokens, modalityCount) + Cloud.OutputUsd(outputTokens);
        return new ModeCost(totalMs, beforeDecodeMs + Cloud.StepMs, energy, usd, upBytes, downBytes);
    }

    /// <summary>Edge–cloud speculative decoding with per-token acceptance α and draft length k.</summary>
    /// <param name="round">The link's per-round lines from <see cref="RoundCosts(in LinkConditions)"/>.</param>
    public ModeCost Speculative(in LinkConditions link, in RoundCosts round, int promptTokens, int outputTokens,
        long modalityBytes, int modalityCount, double alpha, int draftLength)
    {
        RequireTokens(promptTokens, outputTokens);
        RequireUpload(modalityBytes, modalityCount);
        SpeculativeDecoding.RequireDraftLength(draftLength, nameof(draftLength), allowZero: false);
        double expectedTokens = SpeculativeDecoding.ExpectedTokensPerRound(alpha, draftLength);
        return SpeculativeWithExpectedTokens(link, round, promptTokens, outputTokens, modalityBytes, modalityCount, expectedTokens, draftLength);
    }

    /// <summary>
    /// <see cref="Speculative"/> with E[N(k)] already known; the policy's inner loop calls this with E[N]
    /// accumulated over k instead of recomputing the geometric sum. Inputs are trusted (validated by the caller).
    /// </summary>
    internal ModeCost SpeculativeWithExpectedTokens(in LinkConditions link, in RoundCosts round, int promptTokens, int outputTokens,
        long modalityBytes, int modalityCount, double expectedTokensPerRound, int draftLength)
    {
        double upBytes = UploadBytes(promptTokens, modalityBytes);
        double beforeDecodeMs = BeforeDecodeMs(link, upBytes, promptTokens, modalityCount);
        double rounds = outputTokens / expectedTokensPerRound;
        double roundMs = round.TimeMs.At(draftLength);
        double totalMs = beforeDecodeMs + (rounds * roundMs);
        double energy = (WaitWatts(link) * beforeDecodeMs / 1_000) + RadioTransferJoules(link, upBytes, Wire.ResponseFramingBytes)
            + (rounds * round.EnergyJoules.At(draftLength)) + link.Network.TailJoules;
        double usd = Cloud.InputUsd(promptTokens, modalityCount) + (rounds * round.CloudUsd.At(draftLength));
        return new ModeCost(totalMs, beforeDecodeMs + roundMs, energy, usd,
            upBytes + (rounds * round.UplinkBytes.At(draftLength)),
            Wire.ResponseFramingBytes + (rounds * round.DownlinkBytes.At(draftLength)));
    }

    /// <summary>The speculative round over this link with this device's draft (t_d from the device, t_v from the cloud).</summary>
    public SpeculativeRound Round(in LinkConditions link) => new(
        DraftMsPerToken: link.Device.DraftMsPerToken,
        UplinkBitsPerDraftToken: Wire.DraftTokenBits,
        HeaderBits: Wire.RoundHeaderBits,
        UplinkMbps: link.Channel.UplinkMbps,
        VerifyBaseMs: Cloud.VerifyBaseMs,
        VerifyMsPerToken: Cloud.VerifyMsPerToken,
        DownlinkBitsPerRound: Wire.RoundReplyBits,
        DownlinkMbps: link.Channel.DownlinkMbps,
        RttMs: link.Channel.RttMs);

    /// <summary>The device's and radio's energy model for a round on this link.</summary>
    public static RoundEnergyModel RoundEnergy(in LinkConditions link) => new(
        link.Device.DraftJoulesPerToken, link.Device.WaitPowerWatts, link.Network.RadioBaseWatts,
        link.Network.UplinkJoulesPerMegabit, link.Network.DownlinkJoulesPerMegabit);

    /// <summary>Per-round time, energy, spend and traffic as lines in k for this link.</summary>
    /// <exception cref="ArgumentException">The link is down or its rates are not positive.</exception>
    public RoundCosts RoundCosts(in LinkConditions link)
    {
        var round = Round(link);
        round.Validate();
        return new RoundCosts(
            round.Time,
            RoundEnergy(link).Energy(round),
            Cloud.VerifyRoundUsd,
            new AffineInDraftLength(Wire.RoundHeaderBits / 8, Wire.DraftTokenBits / 8),
            new AffineInDraftLength(Wire.RoundReplyBits / 8, 0));
    }

    private double BeforeDecodeMs(in LinkConditions link, double upBytes, int promptTokens, int modalityCount) =>
        link.Channel.RttMs + TransferMs(upBytes, link.Channel.UplinkMbps) + Cloud.PrefillMs(promptTokens, modalityCount);

    private static double WaitWatts(in LinkConditions link) => link.Device.WaitPowerWatts + link.Network.RadioBaseWatts;

    private static double RadioTransferJoules(in LinkConditions link, double upBytes, double downBytes) =>
        ((link.Network.UplinkJoulesPerMegabit * upBytes) + (link.Network.DownlinkJoulesPerMegabit * downBytes)) * 8 / 1_000_000;

    /// <summary>Milliseconds to move <paramref name="bytes"/> at <paramref name="mbps"/> Mbit/s.</summary>
    internal static double TransferMs(double bytes, double mbps) => bytes * 8 / (mbps * SpeculativeRound.BitsPerMsPerMbps);

    private static void RequireTokens(int promptTokens, int outputTokens)
    {
        if (promptTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(promptTokens), promptTokens, "Prompt tokens must be ≥ 0.");
        }

        if (outputTokens < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(outputTokens), outputTokens, "Output tokens must be ≥ 1.");
        }
    }

    private static void RequireUpload(long modalityBytes, int modalityCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(modalityBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(modalityCount);
    }
}
