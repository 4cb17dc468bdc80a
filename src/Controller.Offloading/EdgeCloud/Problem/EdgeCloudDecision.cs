using System.Numerics;
using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;

namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// Everything a policy may know when it places one request — the device as throttled now, the link
/// estimate, the cloud's load, the request and the window's budgets — and the expected latency, energy,
/// spend and quality of every action of the composite space, computed with the device's α estimate (the
/// simulator realises outcomes with the true α). Baselines plan from this; the observation encodes it.
/// </summary>
public sealed class EdgeCloudDecision
{
    private readonly double[] _latencyMs;
    private readonly double[] _energyJoules;
    private readonly double[] _spendUsd;
    private readonly double[] _quality;
    private readonly bool[] _structural;
    private readonly double[] _coverage;
    private readonly long[] _bytes;
    private readonly int[] _throughputDraftLength;
    private SpeculativeRound? _round;

    private EdgeCloudDecision(CompositeActionSpace space)
    {
        Space = space;
        _latencyMs = new double[space.Count];
        _energyJoules = new double[space.Count];
        _spendUsd = new double[space.Count];
        _quality = new double[space.Count];
        _structural = new bool[space.Count];
        _coverage = new double[space.SubsetCount];
        _bytes = new long[space.SubsetCount];
        _throughputDraftLength = new int[space.SubsetCount];
    }

    public CompositeActionSpace Space { get; }

    /// <summary>The device class as catalogued.</summary>
    public required DeviceProfile NominalDevice { get; init; }

    /// <summary>The device with its compute slowed by <see cref="SpeedFactor"/> (local decode, prefill, draft).</summary>
    public required DeviceProfile Device { get; init; }

    /// <summary>Thermal speed factor in (0, 1].</summary>
    public required double SpeedFactor { get; init; }

    public required NetworkProfile Network { get; init; }

    /// <summary>The link estimate at decision time.</summary>
    public required ChannelState Channel { get; init; }

    /// <summary>Cloud time factor (1 = nominal; &gt; 1.7 loaded).</summary>
    public required double CloudFactor { get; init; }

    /// <summary>Cost model with the cloud as loaded now.</summary>
    public required EdgeCloudCostModel Model { get; init; }

    public required EdgeCloudRequest Request { get; init; }

    /// <summary>Longest draft that fits in free memory, ≤ K (0: no speculative decoding).</summary>
    public required int DraftLengthCap { get; init; }

    /// <summary>Share of the window's energy budget still unspent (may be negative).</summary>
    public required double EnergyLeftFraction { get; init; }

    /// <summary>Share of the window's spend budget still unspent (may be negative).</summary>
    public required double SpendLeftFraction { get; init; }

    /// <summary>Share of the window's time still ahead.</summary>
    public required double TimeLeftFraction { get; init; }

    /// <summary>Device and link for the cost model.</summary>
    public LinkConditions Link => new(Device, Network, Channel);

    /// <summary>Builds the decision and prices every action.</summary>
    public static EdgeCloudDecision Create(
        DeviceProfile nominalDevice, double speedFactor, NetworkProfile network, ChannelState channel, double cloudFactor,
        EdgeCloudRequest request, int maxDraftLength, double energyLeftFraction, double spendLeftFraction, double timeLeftFraction,
        EdgeCloudCostModel? baseModel = null)
    {
        ArgumentNullException.ThrowIfNull(nominalDevice);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        if (!(speedFactor > 0 && speedFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(speedFactor), speedFactor, "Thermal speed factor must lie in (0, 1].");
        }

        if (!(cloudFactor > 0) || double.IsInfinity(cloudFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(cloudFactor), cloudFactor, "Cloud time factor must be a finite number > 0.");
        }

        channel.Validate(nameof(channel));
        var nominal = baseModel ?? EdgeCloudCostModel.Default;
        // The request's verification payload sets the uplink bits per draft token (ids, or ids with the draft's probabilities).
        var wire = request.DraftTokenBits == nominal.Wire.DraftTokenBits ? nominal.Wire : nominal.Wire with { DraftTokenBits = request.DraftTokenBits };
        wire.Validate();
        var model = new EdgeCloudCostModel(CloudLoad.Scaled(nominal.Cloud, cloudFactor), wire, nominal.Quality, nominal.Acceptance, nominal.MeanIdleSeconds);
        var device = nominalDevice with
        {
            LocalDecodeTokensPerSecond = nominalDevice.LocalDecodeTokensPerSecond * speedFactor,
            LocalPrefillTokensPerSecond = nominalDevice.LocalPrefillTokensPerSecond * speedFactor,
            DraftMsPerToken = nominalDevice.DraftMsPerToken / speedFactor,
        };
        var decision = new EdgeCloudDecision(CompositeActionSpace.Get(EdgeCloudProblem.ModalitySlots, maxDraftLength))
        {
            NominalDevice = nominalDevice,
            Device = device,
            SpeedFactor = speedFactor,
            Network = network,
            Channel = channel,
            CloudFactor = cloudFactor,
            Model = model,
            Request = request,
            DraftLengthCap = nominalDevice.DraftLengthCap(request.FreeMemoryMb, maxDraftLength),
            EnergyLeftFraction = energyLeftFraction,
            SpendLeftFraction = spendLeftFraction,
            TimeLeftFraction = timeLeftFraction,
        };
        decision.Price();
        return decision;
    }

    /// <summary>Bit i set when modality slot i is present.</summary>
    public int PresentMask => Request.PresentMask;

    /// <summary>True when the action can run at all: the link is up for cloud and speculative, the modalities are present, k ≤ the memory cap.</summary>
    public bool IsStructurallyAllowed(int action) => _structural[action];

    /// <summary>Expected time to the last token, ms.</summary>
    public double ExpectedLatencyMs(int action) => _latencyMs[action];

    /// <summary>Expected device energy, J.</summary>
    public double ExpectedEnergyJoules(int action) => _energyJoules[action];

    /// <summary>Expected cloud spend, US$.</summary>
    public double ExpectedSpendUsd(int action) => _spendUsd[action];

    /// <summary>Expected answer quality (TMO's score scale).</summary>
    public double ExpectedQuality(int action) => _quality[action];

    /// <summary>Expected quality-weighted tokens per second, q·L / latency.</summary>
    public double ExpectedRate(int action) => _quality[action] * Request.OutputTokens * 1_000 / _latencyMs[action];

    /// <summary>α estimate with the uploads of <paramref name="modalityMask"/> (the draft cannot see them).</summary>
    public double AlphaEstimate(int modalityMask) => Model.Acceptance.WithUploads(Request.AlphaEstimate, _coverage[modalityMask]);

    /// <summary>Relevance coverage 1 − Π(1 − r_i) of the slots in <paramref name="modalityMask"/>.</summary>
    public double Coverage(int modalityMask) => _coverage[modalityMask];

    /// <summary>The speculative round over this link (null when the link is down).</summary>
    public SpeculativeRound? Round => _round;

    /// <summary>
    /// The planner's throughput-optimal draft length with the uploads of <paramref name="modalityMask"/>: argmax_k
    /// E[N(k)]/T(k) with that subset's α estimate, capped by memory; 0 when speculative decoding cannot run (link down or
    /// cap 0). The observation's k* feature and the learner's relative draft lengths both read it.
    /// </summary>
    public int ThroughputOptimalDraftLength(int modalityMask) => _throughputDraftLength[modalityMask];

    /// <summary>The round energy model of this device on this network.</summary>
    public RoundEnergyModel RoundEnergy => new(Device.DraftJoulesPerToken, Device.WaitPowerWatts, Network.RadioBaseWatts,
        Network.UplinkJoulesPerMegabit, Network.DownlinkJoulesPerMegabit);

    /// <summary>Index of speculative decoding with every present modality and draft length <paramref name="draftLength"/>.</summary>
    public int SpeculativeAllPresent(int draftLength) => Space.SpeculativeIndex(Space.RankOf(PresentMask), draftLength);

    /// <summary>Index of cloud decoding with every present modality.</summary>
    public int CloudAllPresent => Space.CloudIndex(Space.RankOf(PresentMask));

    private void Price()
    {
        var request = Request;
        for (var subset = 1; subset < Space.SubsetCount; subset++)
        {
            var member = BitOperations.TrailingZeroCount(subset);
            var rest = subset & (subset - 1);
            var slot = member < request.Modalities.Count ? request.Modalities[member] : default;
            _bytes[subset] = _bytes[rest] + slot.SizeBytes;
            _coverage[subset] = 1 - ((1 - _coverage[rest]) * (1 - slot.Relevance));
        }

        var present = PresentMask;
        var link = Link;
        _round = Channel.IsUp ? Model.Round(link) : null;
        for (var subset = 0; subset < Space.SubsetCount; subset++)
        {
            _throughputDraftLength[subset] = _round is not null && DraftLengthCap >= 1
                ? DraftLengthPlanner.BestDraftLength(AlphaEstimate(subset), _round, DraftLengthCap)
                : 0;
        }

        var local = Model.Local(Device, request.PromptTokens, request.OutputTokens);
        RoundCosts round = default;
        if (Channel.IsUp)
        {
            round = Model.RoundCosts(link);
        }

        for (var index = 0; index < Space.Count; index++)
        {
            var action = Space.Decode(index);
            var offered = (action.ModalityMask & ~present) == 0;
            ModeCost cost;
            switch (action.Location)
            {
                case Location.Local:
                    _structural[index] = true;
                    cost = local;
                    _quality[index] = Model.Quality.Local(request.Task);
                    break;
                case Location.Cloud:
                    _structural[index] = Channel.IsUp && offered;
                    cost = _structural[index]
                        ? Model.CloudOnly(link, request.PromptTokens, request.OutputTokens, _bytes[action.ModalityMask], action.ModalityCount)
                        : local;
                    _quality[index] = Model.Quality.Cloud(_coverage[action.ModalityMask]);
                    break;
                default:
                    _structural[index] = Channel.IsUp && offered && action.DraftLength <= DraftLengthCap;
                    cost = _structural[index]
                        ? Model.Speculative(link, round, request.PromptTokens, request.OutputTokens, _bytes[action.ModalityMask],
                            action.ModalityCount, AlphaEstimate(action.ModalityMask), action.DraftLength)
                        : local;
                    _quality[index] = Model.Quality.Cloud(_coverage[action.ModalityMask]);
                    break;
            }

            _latencyMs[index] = cost.LatencyMs;
            _energyJoules[index] = cost.DeviceEnergyJoules;
            _spendUsd[index] = cost.CloudCostUsd;
        }
    }
}
