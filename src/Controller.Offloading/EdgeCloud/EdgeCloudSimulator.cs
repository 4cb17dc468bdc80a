using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.Placement;

namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Realises a placement decision as a simulated device on one kind of link would experience it: the
/// same formulas as <see cref="EdgeCloudCostModel"/>, but with compute, RTT and throughput jitter and
/// with speculative rounds played out one by one — the accepted draft tokens of each round drawn from
/// the truncated geometric law, the last round's draft shortened so exactly L tokens come out. A cloud or
/// speculative decision on a down link runs locally instead (the agent's fallback) and says so.
/// Immutable and thread-safe; all randomness comes from the <see cref="Random"/> passed in.
/// </summary>
public sealed class EdgeCloudSimulator
{
    private readonly EdgeCloudCostModel _model;
    private readonly SimulationNoise _noise;

    /// <param name="network">The link's radio power model (the channel state itself is passed per request).</param>
    public EdgeCloudSimulator(NetworkProfile network, EdgeCloudCostModel? model = null, SimulationNoise? noise = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        _model = model ?? EdgeCloudCostModel.Default;
        _noise = noise ?? new SimulationNoise();
        _noise.Validate();
    }

    public NetworkProfile Network { get; }

    /// <summary>
    /// True (default): each cloud or speculative outcome carries the cost model's expected radio tail and promotion
    /// (<see cref="EdgeCloudCostModel.ExpectedRadioStateJoules"/>), for callers without a device timeline. False: the
    /// outcome has neither, and the caller charges them from its <see cref="RadioTimeline"/> over the real gaps.
    /// </summary>
    public bool ChargesExpectedRadioState { get; init; } = true;

    private double RadioStateJoules(DeviceProfile device) => ChargesExpectedRadioState ? _model.ExpectedRadioStateJoules(Network, device.WaitPowerWatts) : 0;

    private double PromotionMs => ChargesExpectedRadioState ? _model.ExpectedPromotionMs(Network) : 0;

    /// <summary>Simulates <paramref name="choice"/> with the task's prior acceptance as the true text-only α.</summary>
    public RequestOutcomeSample Simulate(PlacementChoice choice, RequestPlacement request, DeviceProfile device,
        ChannelState channel, Random random)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Simulate(choice, request, device, channel, random, _model.Acceptance.Prior(request.TaskCategory ?? string.Empty));
    }

    /// <summary>Simulates <paramref name="choice"/> with a given true text-only acceptance α.</summary>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public RequestOutcomeSample Simulate(PlacementChoice choice, RequestPlacement request, DeviceProfile device,
        ChannelState channel, Random random, double textAlpha)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(random);
        device.Validate();
        channel.Validate(nameof(channel));
        SpeculativeDecoding.RequireAlpha(textAlpha, nameof(textAlpha));
        if (request.PromptTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.PromptTokens, "request.PromptTokens must be ≥ 0.");
        }

        if (request.ExpectedOutputTokens < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.ExpectedOutputTokens, "request.ExpectedOutputTokens must be ≥ 1.");
        }

        if (choice.Location == Location.Speculative && (choice.DraftLength < 1 || choice.DraftLength > SpeculativeDecoding.MaxSupportedDraftLength))
        {
            throw new ArgumentOutOfRangeException(nameof(choice), choice.DraftLength,
                $"choice.DraftLength must lie in [1, {SpeculativeDecoding.MaxSupportedDraftLength}] for a speculative decision.");
        }

        if (choice.Location == Location.Local || !channel.IsUp)
        {
            return SimulateLocal(request, device, random);
        }

        var uploads = ResolveUploads(choice.UploadModalityIds, request);
        var link = new LinkConditions(device, Network, new ChannelState(
            channel.UplinkMbps * SimulationNoise.Jitter(_noise.RateSigma, random),
            channel.DownlinkMbps * SimulationNoise.Jitter(_noise.RateSigma, random),
            channel.RttMs, IsUp: true));
        return choice.Location == Location.Cloud
            ? SimulateCloud(choice, request, link, uploads, random)
            : SimulateSpeculative(choice, request, link, uploads, random, _model.Acceptance.WithUploads(textAlpha, uploads.Coverage));
    }

    /// <summary>
    /// Tokens one round yields: the accepted prefix of <paramref name="draftLength"/> drafts, each accepted with
    /// probability α while all before it were, plus one corrected or bonus token. P(N = n) = α^(n−1)(1 − α) for
    /// n ≤ k, P(N = k + 1) = α^k.
    /// </summary>
    public static int SampleTokensPerRound(double alpha, int draftLength, Random random)
    {
        SpeculativeDecoding.RequireAlpha(alpha, nameof(alpha));
        SpeculativeDecoding.RequireDraftLength(draftLength, nameof(draftLength), allowZero: true);
        ArgumentNullException.ThrowIfNull(random);
        return AcceptedDrafts(alpha, draftLength, random) + 1;
    }

    private static int AcceptedDrafts(double alpha, int draftLength, Random random)
    {
        int accepted = 0;
        while (accepted < draftLength && random.NextDouble() < alpha)
        {
            accepted++;
        }

        return accepted;
    }

    private RequestOutcomeSample SimulateLocal(RequestPlacement request, DeviceProfile device, Random random)
    {
        double slowdown = SimulationNoise.Jitter(_noise.ComputeSigma, random);
        double prefillMs = request.PromptTokens * 1_000.0 / device.LocalPrefillTokensPerSecond * slowdown;
        double tokenMs = 1_000.0 / device.LocalDecodeTokensPerSecond * slowdown;
        double totalMs = prefillMs + (request.ExpectedOutputTokens * tokenMs);
        return new RequestOutcomeSample(Location.Local, [], 0, prefillMs + tokenMs, totalMs, request.ExpectedOutputTokens, 0, 0, 0, 0,
            device.LocalActivePowerWatts * totalMs / 1_000, 0, Quality(_model.Quality.Local(request.TaskCategory), random));
    }

    private RequestOutcomeSample SimulateCloud(PlacementChoice choice, RequestPlacement request, in LinkConditions link,
        Uploads uploads, Random random)
    {
        var cloud = _model.Cloud;
        double upBytes = _model.UploadBytes(request.PromptTokens, uploads.Bytes);
        double downBytes = _model.Wire.ResponseFramingBytes + (request.ExpectedOutputTokens * _model.Wire.TextBytesPerToken);
        double cloudSlowdown = SimulationNoise.Jitter(_noise.ComputeSigma, random);
        double beforeDecodeMs = Rtt(link, random) + EdgeCloudCostModel.TransferMs(upBytes, link.Channel.UplinkMbps)
            + (cloud.PrefillMs(request.PromptTokens, uploads.Count) * cloudSlowdown);
        double stepMs = cloud.StepMs * cloudSlowdown;
        double decodedMs = beforeDecodeMs + (request.ExpectedOutputTokens * stepMs);
        double energy = WaitingJoules(link, decodedMs) + RadioJoules(upBytes, downBytes) + RadioStateJoules(link.Device);
        beforeDecodeMs += PromotionMs;
        double totalMs = PromotionMs + decodedMs;
        double usd = cloud.InputUsd(request.PromptTokens, uploads.Count) + cloud.OutputUsd(request.ExpectedOutputTokens);
        return new RequestOutcomeSample(Location.Cloud, choice.UploadModalityIds, 0, beforeDecodeMs + stepMs, totalMs,
            request.ExpectedOutputTokens, 0, 0, (long)Math.Round(upBytes), (long)Math.Round(downBytes), energy, usd,
            Quality(_model.Quality.Cloud(uploads.Coverage), random));
    }

    private RequestOutcomeSample SimulateSpeculative(PlacementChoice choice, RequestPlacement request, in LinkConditions link,
        Uploads uploads, Random random, double alpha)
    {
        var cloud = _model.Cloud;
        var wire = _model.Wire;
        var device = link.Device;
        double upBytes = _model.UploadBytes(request.PromptTokens, uploads.Bytes);
        double downBytes = wire.ResponseFramingBytes;
        double cloudReadyMs = Rtt(link, random) + EdgeCloudCostModel.TransferMs(upBytes, link.Channel.UplinkMbps)
            + (cloud.PrefillMs(request.PromptTokens, uploads.Count) * SimulationNoise.Jitter(_noise.ComputeSigma, random));
        double draftPrefillMs = EdgeCloudCostModel.DraftPrefillMs(device, request.PromptTokens) * SimulationNoise.Jitter(_noise.ComputeSigma, random);
        double beforeDecodeMs = Math.Max(cloudReadyMs, draftPrefillMs);
        double energy = EdgeCloudCostModel.BeforeDecodeJoules(link, beforeDecodeMs, draftPrefillMs) + RadioJoules(upBytes, downBytes)
            + RadioStateJoules(device);
        double usd = cloud.InputUsd(request.PromptTokens, uploads.Count);
        double elapsedMs = PromotionMs + beforeDecodeMs;
        double firstTokenMs = 0;
        int generated = 0;
        int proposed = 0;
        int acceptedTotal = 0;
        double readyDraftMs = 0;
        var verifyUsd = cloud.VerifyRoundUsd;
        while (generated < request.ExpectedOutputTokens)
        {
            // The last round drafts only what is still missing, so the answer has exactly L tokens.
            int draft = Math.Min(choice.DraftLength, request.ExpectedOutputTokens - generated - 1);
            int accepted = AcceptedDrafts(alpha, draft, random);
            double draftMsPerToken = device.DraftMsPerToken * SimulationNoise.Jitter(_noise.ComputeSigma, random);
            // Drafting overlaps verification (PipelinedRound): what was pre-drafted during the last wait is ready.
            double draftMs = Math.Max(0, (draft * draftMsPerToken) - readyDraftMs);
            double roundUpBits = (draft * wire.DraftTokenBits) + wire.RoundHeaderBits;
            double verifyMs = (cloud.VerifyBaseMs + (draft * cloud.VerifyMsPerToken)) * SimulationNoise.Jitter(_noise.ComputeSigma, random);
            double batchWaitMs = random.NextDouble() * cloud.StepMs;
            double waitMs = (roundUpBits / (link.Channel.UplinkMbps * SpeculativeRound.BitsPerMsPerMbps)) + batchWaitMs + verifyMs
                + (wire.RoundReplyBits / (link.Channel.DownlinkMbps * SpeculativeRound.BitsPerMsPerMbps)) + Rtt(link, random);
            double roundMs = draftMs + waitMs;
            bool last = generated + accepted + 1 >= request.ExpectedOutputTokens;
            // Pre-drafting the next round along the draft's own continuation; kept only if every draft and the bonus token match.
            double preDraftMs = last ? 0 : Math.Min(choice.DraftLength * draftMsPerToken, waitMs);
            bool hit = accepted == draft && random.NextDouble() < alpha;
            energy += (device.DraftPowerWatts * (draftMs + preDraftMs) / 1_000) + (device.WaitPowerWatts * (waitMs - preDraftMs) / 1_000)
                + (Network.RadioBaseWatts * roundMs / 1_000) + RadioJoules(roundUpBits / 8, wire.RoundReplyBits / 8);
            usd += verifyUsd.At(draft) + cloud.KvHoldUsd(request.PromptTokens + generated, roundMs - verifyMs);
            upBytes += roundUpBits / 8;
            downBytes += wire.RoundReplyBits / 8;
            elapsedMs += roundMs;
            if (generated == 0)
            {
                firstTokenMs = elapsedMs;
            }

            readyDraftMs = hit ? preDraftMs : 0;
            generated += accepted + 1;
            proposed += draft;
            acceptedTotal += accepted;
        }

        return new RequestOutcomeSample(Location.Speculative, choice.UploadModalityIds, choice.DraftLength, firstTokenMs, elapsedMs,
            generated, proposed, acceptedTotal, (long)Math.Round(upBytes), (long)Math.Round(downBytes), energy, usd,
            Quality(_model.Quality.Cloud(uploads.Coverage), random));
    }

    private double Rtt(in LinkConditions link, Random random) => link.Channel.RttMs * SimulationNoise.Jitter(_noise.RttSigma, random);

    private double WaitingJoules(in LinkConditions link, double ms) => (link.Device.WaitPowerWatts + Network.RadioBaseWatts) * ms / 1_000;

    private double RadioJoules(double upBytes, double downBytes) =>
        ((Network.UplinkJoulesPerMegabit * upBytes) + (Network.DownlinkJoulesPerMegabit * downBytes)) * 8 / 1_000_000;

    private double Quality(double expected, Random random) =>
        Math.Clamp(expected + (_noise.QualitySigma * SimulationNoise.StandardNormal(random)), 0, _noise.MaxQuality);

    private Uploads ResolveUploads(IReadOnlyList<string> ids, RequestPlacement request)
    {
        ArgumentNullException.ThrowIfNull(ids, "choice.UploadModalityIds");
        var offers = request.Modalities ?? throw new ArgumentException("request.Modalities is null.", nameof(request));
        long bytes = 0;
        double missing = 1;
        foreach (string id in ids)
        {
            ModalityOffer? offer = null;
            for (int i = 0; i < offers.Count; i++)
            {
                if (string.Equals(offers[i].Id, id, StringComparison.Ordinal))
                {
                    offer = offers[i];
                    break;
                }
            }

            if (offer is null)
            {
                throw new ArgumentException($"choice.UploadModalityIds names '{id}', which the request does not offer.", nameof(ids));
            }

            if (offer.SizeBytes < 0)
            {
                throw new ArgumentException($"request.Modalities '{id}'.SizeBytes must be ≥ 0, got {offer.SizeBytes}.", nameof(request));
            }

            double relevance = offer.RelevanceScore ?? _noise.UnknownRelevance;
            if (double.IsNaN(relevance) || relevance < 0 || relevance > 1)
            {
                throw new ArgumentException($"request.Modalities '{id}'.RelevanceScore must lie in [0, 1], got {relevance}.", nameof(request));
            }

            bytes += offer.SizeBytes;
            missing *= 1 - relevance;
        }

        return new Uploads(bytes, ids.Count, 1 - missing);
    }

    private readonly record struct Uploads(long Bytes, int Count, double Coverage);
}
