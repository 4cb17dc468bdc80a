using Controller.Offloading.Devices;

namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Expected per-request latency, energy, spend and traffic of the three modes (L output tokens,
/// S = prompt + chosen modalities + framing on the uplink):
/// <code>
/// local        TTFT = P/v_prefill + 1/v_dec              total = P/v_prefill + L/v_dec
/// cloud        TTFT = RTT + S/R_up + t_prefill + t_step  total = RTT + S/R_up + t_prefill + L·t_step   (streamed)
/// speculative  TTFT = max(RTT + S/R_up + t_prefill, P/v_draft) + T_pipe(k)
///              total = max(RTT + S/R_up + t_prefill, P/v_draft) + (L/E[N(k)])·T_pipe(k)
/// </code>
/// where T(k) includes the batch wait t_step/2 per round and T_pipe is the pipelined round (<see cref="PipelinedRound"/>).
/// Energy: local = P_active·total; cloud = (P_wait + β)·total + α_u·Mbit up + α_d·Mbit down + radio;
/// speculative = (P_wait + β)·(RTT + S/R_up + t_prefill) + α_u·S + (L/E[N])·E(k) + radio, where radio is the
/// expected tail over the gap to the next transfer, P_tail·μ(1 − e^(−T_tail/μ)), plus the expected promotion
/// e^(−T_tail/μ)·E_promo for an exponential gap of mean μ (<see cref="MeanIdleSeconds"/>); the expected promotion
/// delay e^(−T_tail/μ)·t_promo is added to both latencies. A simulated device replaces the expectation by its
/// <see cref="RadioTimeline"/>.
/// Spend: cloud = input + images + L·p_out; speculative = input + images + (L/E[N])·(p_out·(t_v0 + k·t_v1)/t_step + KV hold).
/// The draft's own prompt prefill overlaps the upload and the cloud prefill; its compute energy is counted.
/// Thread-safe: immutable.
/// </summary>
public sealed class EdgeCloudCostModel
{
    /// <summary>The workload's mean think time between an answer and the next request, s: the default gap μ the radio tail is expected over.</summary>
    public const double DefaultMeanIdleSeconds = 10;

    /// <param name="meanIdleSeconds">μ, mean gap from a request's last transfer to the next request's first, s (exponential).</param>
    public EdgeCloudCostModel(CloudProfile cloud, WireFormat wire, QualityModel quality, AcceptanceModel acceptance,
        double meanIdleSeconds = DefaultMeanIdleSeconds)
    {
        if (double.IsNaN(meanIdleSeconds) || meanIdleSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(meanIdleSeconds), meanIdleSeconds, "The mean idle gap μ must be ≥ 0 s (∞ charges every tail in full).");
        }

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
        MeanIdleSeconds = meanIdleSeconds;
    }

    /// <summary>Qwen2.5-VL-72B cloud, default wire format, M4A1 quality medians, default acceptance priors.</summary>
    public static EdgeCloudCostModel Default { get; } =
        new(CloudProfile.Qwen25Vl72B, WireFormat.Default, QualityModel.M4A1Medians, AcceptanceModel.Default);

    public CloudProfile Cloud { get; }

    public WireFormat Wire { get; }

    public QualityModel Quality { get; }

    public AcceptanceModel Acceptance { get; }

    /// <summary>μ, the mean gap between requests' transfers the radio's tail and promotion are expected over, s.</summary>
    public double MeanIdleSeconds { get; }

    /// <summary>
    /// Expected radio tail after a request plus the expected promotion before it, J (see the class summary); the device
    /// stays awake at <paramref name="deviceWaitWatts"/> through the promotion while the radio draws its promotion power.
    /// </summary>
    public double ExpectedRadioStateJoules(NetworkProfile network, double deviceWaitWatts)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.ExpectedTailJoules(MeanIdleSeconds)
            + (network.PromotionProbability(MeanIdleSeconds) * (network.PromotionJoules + (deviceWaitWatts * network.PromotionSeconds)));
    }

    /// <summary>Expected promotion delay before a request's first transfer, ms.</summary>
    public double ExpectedPromotionMs(NetworkProfile network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.PromotionProbability(MeanIdleSeconds) * network.PromotionSeconds * 1_000;
    }

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
        double decodeMs = beforeDecodeMs + (outputTokens * Cloud.StepMs);
        double energy = (WaitWatts(link) * decodeMs / 1_000) + RadioTransferJoules(link, upBytes, downBytes)
            + ExpectedRadioStateJoules(link.Network, link.Device.WaitPowerWatts);
        double usd = Cloud.InputUsd(promptTokens, modalityCount) + Cloud.OutputUsd(outputTokens);
        double promotionMs = ExpectedPromotionMs(link.Network);
        return new ModeCost(promotionMs + decodeMs, promotionMs + beforeDecodeMs + Cloud.StepMs, energy, usd, upBytes, downBytes);
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
        return SpeculativeWithExpectedTokens(link, round, promptTokens, outputTokens, modalityBytes, modalityCount, alpha, expectedTokens, draftLength);
    }

    /// <summary>
    /// <see cref="Speculative"/> with E[N(k)] already known; the policy's inner loop calls this with E[N]
    /// accumulated over k instead of recomputing the geometric sum. Inputs are trusted (validated by the caller).
    /// The draft prefills the prompt on the device while the upload and the cloud prefill run, so decoding starts
    /// after the longer of the two; rounds are pipelined (<see cref="PipelinedRound"/>); the cloud also charges for
    /// the KV cache the request holds while a round is not verifying (<see cref="CloudProfile.KvHoldUsd"/>), over a
    /// mean context of prompt + L/2 tokens.
    /// </summary>
    internal ModeCost SpeculativeWithExpectedTokens(in LinkConditions link, in RoundCosts round, int promptTokens, int outputTokens,
        long modalityBytes, int modalityCount, double alpha, double expectedTokensPerRound, int draftLength)
    {
        double upBytes = UploadBytes(promptTokens, modalityBytes);
        double cloudReadyMs = BeforeDecodeMs(link, upBytes, promptTokens, modalityCount);
        double draftPrefillMs = DraftPrefillMs(link.Device, promptTokens);
        double beforeDecodeMs = Math.Max(cloudReadyMs, draftPrefillMs);
        double promotionMs = ExpectedPromotionMs(link.Network);
        double rounds = outputTokens / expectedTokensPerRound;
        var pipelined = PipelinedRound.Of(round, link, alpha, draftLength);
        double roundMs = pipelined.TimeMs;
        double totalMs = promotionMs + beforeDecodeMs + (rounds * roundMs);
        double energy = BeforeDecodeJoules(link, beforeDecodeMs, draftPrefillMs) + RadioTransferJoules(link, upBytes, Wire.ResponseFramingBytes)
            + (rounds * pipelined.EnergyJoules) + ExpectedRadioStateJoules(link.Network, link.Device.WaitPowerWatts);
        double verifyMs = Cloud.VerifyBaseMs + (draftLength * Cloud.VerifyMsPerToken);
        double kvUsd = Cloud.KvHoldUsd(promptTokens + (outputTokens / 2.0), Math.Max(0, roundMs - verifyMs));
        double usd = Cloud.InputUsd(promptTokens, modalityCount) + (rounds * (round.CloudUsd.At(draftLength) + kvUsd));
        return new ModeCost(totalMs, promotionMs + beforeDecodeMs + roundMs, energy, usd,
            upBytes + (rounds * round.UplinkBytes.At(draftLength)),
            Wire.ResponseFramingBytes + (rounds * round.DownlinkBytes.At(draftLength)));
    }

    /// <summary>Time the draft model needs to prefill the prompt on the device, ms.</summary>
    public static double DraftPrefillMs(DeviceProfile device, int promptTokens)
    {
        ArgumentNullException.ThrowIfNull(device);
        return promptTokens * 1_000.0 / device.DraftPrefillTokensPerSecond;
    }

    /// <summary>
    /// Device energy before the first round, J: the radio is connected throughout (β), the draft computes for its
    /// prefill (e_d / t_d) and the device waits (P_wait) for the rest.
    /// </summary>
    internal static double BeforeDecodeJoules(in LinkConditions link, double beforeDecodeMs, double draftPrefillMs) =>
        ((link.Network.RadioBaseWatts * beforeDecodeMs) + (link.Device.DraftPowerWatts * draftPrefillMs)
            + (link.Device.WaitPowerWatts * Math.Max(0, beforeDecodeMs - draftPrefillMs))) / 1_000;

    /// <summary>The speculative round over this link with this device's draft (t_d from the device, t_v from the cloud).</summary>
    public SpeculativeRound Round(in LinkConditions link) => new(
        DraftMsPerToken: link.Device.DraftMsPerToken,
        UplinkBitsPerDraftToken: Wire.DraftTokenBits,
        HeaderBits: Wire.RoundHeaderBits,
        UplinkMbps: link.Channel.UplinkMbps,
        VerifyBaseMs: Cloud.VerifyBaseMs + Cloud.BatchWaitMs,
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
