using Controller.Contracts;
using Controller.Learning.Environments;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Training.EdgeCloud.Datasets;

namespace Controller.Training.EdgeCloud.Environments;

/// <summary>
/// The composite edge–cloud MDP. An episode is one budget window of one device: requests arrive one after
/// another (each after the previous answer plus a think time) until the window's time is up, and per request
/// the policy picks local, cloud with a modality subset, or speculative decoding with a subset and draft
/// length k (<see cref="CompositeActionSpace"/>, M = 3 slots). The channel follows a trace in device time, the
/// SoC heats and throttles, the cloud's load switches; outcomes come from <see cref="EdgeCloudSimulator"/>.
/// Reward: quality-weighted tokens per second q·L/latency of the request (× <see cref="EdgeCloudEnvironmentOptions.RewardScale"/>).
/// Costs: [energy, spend, slo] = [J / energy budget, US$ / spend budget, miss / misses allowed per window],
/// so each RC constraint reads "expected window total ≤ 1". Masks: no cloud or speculative on a down link,
/// no absent modality, no k above the memory cap, and (switchable) no action that would overrun a budget.
/// <see cref="Reset"/> with a seed starts a fresh device (network, device class, trace offset, warm-up);
/// without one the next window continues the same device's timeline.
/// As an <see cref="IActionPrior"/> it offers learners <see cref="PlannerPrior"/> with <see cref="PriorSharpness"/>.
/// </summary>
public sealed class EdgeCloudEnvironment : IEnvironment, IActionPrior
{
    /// <summary>Names of the cost vector's entries.</summary>
    public static IReadOnlyList<string> CostNames => EdgeCloudReward.CostNames;

    /// <summary>Standard deviations of the remaining-request count (≈ Poisson) the budget mask reserves for.</summary>
    public const double ReserveDeviations = EdgeCloudMask.ReserveDeviations;

    private readonly Func<NetworkProfile, int, IChannelTrace> _traces;
    private readonly Func<DeviceProfile, IThermalModel> _thermals;
    private readonly EdgeCloudCostModel _baseModel;
    private readonly EdgeCloudWorkload _workload;
    private readonly CloudLoad _cloud = new();
    private readonly bool[] _mask;
    private Random _cloudRandom = new(0);
    private Random _outcomeRandom = new(0);
    private IChannelTrace? _trace;
    private IThermalModel? _thermal;
    private RadioTimeline? _radio;
    private double _traceOffset;
    private bool _seeded;
    private bool _done = true;

    /// <param name="options">Budgets, SLO, devices, networks, K, masking.</param>
    /// <param name="traces">Builds the channel trace of a network for a seed; default the network's two-state Markov chain
    /// (<see cref="MarkovChannelTrace"/>, 1 s steps, 30 min).</param>
    /// <param name="thermals">Builds the thermal model of a device; default none (<see cref="NominalSpeed"/>).</param>
    /// <param name="model">Nominal cost model; default <see cref="EdgeCloudCostModel.Default"/>.</param>
    public EdgeCloudEnvironment(EdgeCloudEnvironmentOptions options, Func<NetworkProfile, int, IChannelTrace>? traces = null,
        Func<DeviceProfile, IThermalModel>? thermals = null, EdgeCloudCostModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validated();
        _traces = traces ?? ((network, seed) => MarkovChannelTrace.Generate(network, 1_800, 1, seed));
        _thermals = options.Thermal && thermals is not null ? thermals : _ => new NominalSpeed();
        // The radio tail is expected over the gap to the next request, which is the workload's think time.
        var nominal = model ?? EdgeCloudCostModel.Default;
        _baseModel = nominal.MeanIdleSeconds == Options.MeanThinkSeconds ? nominal
            : new EdgeCloudCostModel(nominal.Cloud, nominal.Wire, nominal.Quality, nominal.Acceptance, Options.MeanThinkSeconds);
        _workload = new EdgeCloudWorkload(_baseModel.Acceptance, options.MeanThinkSeconds, options.MaxDraftLength, 0);
        Space = CompositeActionSpace.Get(EdgeCloudWorkload.ModalitySlots, options.MaxDraftLength);
        _mask = new bool[Space.Count];
        Spec = new EnvironmentSpec(EdgeCloudObservation.Size, Space.Count, CostNames);
    }

    public EnvironmentSpec Spec { get; }

    public EdgeCloudEnvironmentOptions Options { get; }

    public CompositeActionSpace Space { get; }

    /// <summary>The device class of the current episode.</summary>
    public DeviceProfile Device { get; private set; } = DeviceProfiles.IPhone15Pro;

    /// <summary>The network of the current episode.</summary>
    public NetworkProfile Network { get; private set; } = NetworkProfiles.Lte;

    /// <summary>Device time since the device started, seconds.</summary>
    public double TimeSeconds { get; private set; }

    /// <summary>When the current window ends, device seconds.</summary>
    public double WindowEndSeconds { get; private set; }

    /// <summary>Energy spent in this window so far, J.</summary>
    public double WindowEnergyJoules { get; private set; }

    /// <summary>Cloud spend in this window so far, US$.</summary>
    public double WindowSpendUsd { get; private set; }

    /// <summary>Requests in this window so far.</summary>
    public int WindowRequests { get; private set; }

    /// <summary>SLO misses in this window so far.</summary>
    public int WindowSloMisses { get; private set; }

    /// <summary>The pending request's decision state.</summary>
    public EdgeCloudDecision Decision { get; private set; } = null!;

    /// <summary>The budget mask's fallback for the pending request: the action that best keeps the rest of the window within budget.</summary>
    public int Fallback { get; private set; }

    /// <summary>The last step's realised outcome.</summary>
    public EdgeCloudStepOutcome LastOutcome { get; private set; }

    /// <summary>
    /// The channel state the current device's trace gives at device time <paramref name="timeSeconds"/> (what a request
    /// arriving then would see); for analyses such as the feasibility bound, which need the link over a whole window.
    /// </summary>
    /// <exception cref="InvalidOperationException">No device has been started (call <see cref="Reset"/> first).</exception>
    public ChannelState ChannelAt(double timeSeconds) =>
        _trace is null ? throw new InvalidOperationException("No device yet; call Reset first.") : _trace.At(_traceOffset + timeSeconds);

    /// <summary>True when the current mask allows <paramref name="action"/>.</summary>
    public bool IsAllowed(int action) => (uint)action < (uint)_mask.Length && _mask[action];

    /// <inheritdoc />
    public void Reset(int? seed, Span<float> observation, Span<bool> actionMask)
    {
        if (seed is { } s || !_seeded)
        {
            StartDevice(seed ?? 0);
        }

        WindowEndSeconds = TimeSeconds + Options.WindowSeconds;
        WindowEnergyJoules = 0;
        WindowSpendUsd = 0;
        WindowRequests = 0;
        WindowSloMisses = 0;
        _done = false;
        NextRequest(observation, actionMask);
    }

    /// <inheritdoc />
    public StepResult Step(int action, Span<float> observation, Span<bool> actionMask, Span<float> costs)
    {
        if (_done)
        {
            throw new InvalidOperationException("The window is over; call Reset.");
        }

        if ((uint)action >= (uint)Spec.ActionCount)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, $"Action must lie in 0..{Spec.ActionCount - 1}.");
        }

        if (!_mask[action])
        {
            throw new InvalidOperationException($"Action {action} ({Describe(action)}) is masked for this request.");
        }

        var decision = Decision;
        var request = decision.Request;
        var composite = Space.Decode(action);
        var simulator = new EdgeCloudSimulator(Network, decision.Model) { ChargesExpectedRadioState = false };
        var sample = ChargeRadio(simulator.Simulate(ToChoice(decision, composite, action), ToPlacement(request), decision.Device,
            decision.Channel, _outcomeRandom, request.TextAlpha), decision.Device, request.ThinkSeconds);
        var latencyS = sample.TotalLatencyMs / 1_000;
        var budgets = Options.Budgets;
        var miss = EdgeCloudReward.MissesSlo(sample.TotalLatencyMs, budgets);
        var rate = EdgeCloudReward.QualityWeightedRate(sample.QualityScore, sample.TokensGenerated, sample.TotalLatencyMs);
        LastOutcome = new EdgeCloudStepOutcome(action, sample.ExecutedLocation, sample.ExecutedDraftLength, Network.Type,
            sample.TotalLatencyMs, sample.DeviceEnergyJoules, sample.CloudCostUsd, sample.QualityScore, sample.TokensGenerated, miss, rate,
            sample.DraftTokensProposed, sample.DraftTokensAccepted);

        EdgeCloudReward.WriteCosts(sample.DeviceEnergyJoules, sample.CloudCostUsd, miss, budgets, costs);
        WindowEnergyJoules += sample.DeviceEnergyJoules;
        WindowSpendUsd += sample.CloudCostUsd;
        WindowRequests++;
        WindowSloMisses += miss ? 1 : 0;

        // Device time moves on by the answer and the user's think time; the SoC heats while it computes.
        var busyS = sample.ExecutedLocation switch
        {
            Location.Local => latencyS,
            Location.Speculative => sample.DraftTokensProposed * decision.Device.DraftMsPerToken / 1_000,
            _ => 0,
        };
        _thermal!.Advance(Math.Min(busyS, latencyS), latencyS - Math.Min(busyS, latencyS) + request.ThinkSeconds);
        TimeSeconds += latencyS + request.ThinkSeconds;
        _done = TimeSeconds >= WindowEndSeconds;
        if (_done)
        {
            // The window is over: the next request belongs to the next window and is drawn by Reset, so every
            // method sees the same request sequence across windows. The terminal observation repeats this one.
            EdgeCloudObservation.Write(Decision, Options.Budgets, observation);
            _mask.CopyTo(actionMask);
        }
        else
        {
            NextRequest(observation, actionMask);
        }

        return new StepResult((float)(rate * Options.RewardScale), Terminated: _done, Truncated: false);
    }

    /// <summary>β of the <see cref="PlannerPrior"/> this environment offers learners; 0 (uniform) by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0..<see cref="PlannerPrior.MaxSharpness"/>.</exception>
    public double PriorSharpness
    {
        get;
        set => field = PlannerPrior.IsValidSharpness(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"The prior's sharpness β must lie in 0..{PlannerPrior.MaxSharpness}.");
    }

    /// <inheritdoc />
    public void WriteLogPrior(Span<float> logPrior) => PlannerPrior.Write(Decision, _mask, PriorSharpness, logPrior);

    /// <summary>A short label of an action, e.g. <c>spec{0,2} k=4</c>.</summary>
    public string Describe(int action) => Label(Space, action);

    /// <summary>Label of <paramref name="action"/> in <paramref name="space"/> (<see cref="EdgeCloudActionLabels"/>).</summary>
    public static string Label(CompositeActionSpace space, int action) => EdgeCloudActionLabels.Label(space, action);

    /// <summary>
    /// Adds the radio's promotion (when this request's transfer finds the radio idle) and the tail this step's gap
    /// burns, from the device's <see cref="RadioTimeline"/>: a tail runs only until the next transfer.
    /// </summary>
    private RequestOutcomeSample ChargeRadio(RequestOutcomeSample sample, DeviceProfile device, double thinkSeconds)
    {
        var radio = _radio!;
        var extraJoules = 0.0;
        var promotionMs = 0.0;
        if (sample.ExecutedLocation != Location.Local)
        {
            if (radio.NeedsPromotion(TimeSeconds))
            {
                promotionMs = Network.PromotionSeconds * 1_000;
                extraJoules += Network.PromotionJoules + (device.WaitPowerWatts * Network.PromotionSeconds);
            }

            extraJoules += radio.Transfer(TimeSeconds, TimeSeconds + ((promotionMs + sample.TotalLatencyMs) / 1_000));
        }

        var nextArrivalS = TimeSeconds + ((promotionMs + sample.TotalLatencyMs) / 1_000) + thinkSeconds;
        extraJoules += radio.ChargeTailUntil(nextArrivalS);
        return sample with
        {
            TimeToFirstTokenMs = sample.TimeToFirstTokenMs + promotionMs,
            TotalLatencyMs = sample.TotalLatencyMs + promotionMs,
            DeviceEnergyJoules = sample.DeviceEnergyJoules + extraJoules,
        };
    }

    private void StartDevice(int seed)
    {
        var root = new Random(seed);
        Network = NetworkProfiles.Get(Options.Networks[root.Next(Options.Networks.Count)]);
        Device = DeviceProfiles.Get(Options.Devices[root.Next(Options.Devices.Count)]);
        _trace = _traces(Network, root.Next());
        _radio = new RadioTimeline(Network);
        _thermal = _thermals(Device);
        _thermal.Reset();
        // A device met mid-day: some minutes of prior use warm the SoC by a random amount.
        _thermal.Advance(root.NextDouble() * 600, root.NextDouble() * 600);
        _workload.Reseed(root.Next());
        _cloudRandom = new Random(root.Next());
        _outcomeRandom = new Random(root.Next());
        _cloud.Reset(_cloudRandom);
        _traceOffset = root.NextDouble() * _trace.DurationSeconds;
        TimeSeconds = 0;
        _seeded = true;
    }

    private void NextRequest(Span<float> observation, Span<bool> actionMask)
    {
        var request = _workload.Next(Device);
        _cloud.Next(_cloudRandom);
        var channel = _trace!.At(_traceOffset + TimeSeconds);
        var budgets = Options.Budgets;
        Decision = EdgeCloudDecision.Create(Device, _thermal!.SpeedFactor, Network, channel, _cloud.Factor, request, Options.MaxDraftLength,
            budgets.EnergyLeftFraction(budgets.EnergyBudgetJoules - WindowEnergyJoules), budgets.SpendLeftFraction(budgets.SpendBudgetUsd - WindowSpendUsd),
            budgets.TimeLeftFraction(Math.Max(0, WindowEndSeconds - TimeSeconds)), _baseModel);
        EdgeCloudObservation.Write(Decision, Options.Budgets, observation);
        FillMask(Decision);
        _mask.CopyTo(actionMask);
    }

    /// <summary>The problem's mask (<see cref="EdgeCloudMask"/>) for the pending request; remembers its fallback.</summary>
    private void FillMask(EdgeCloudDecision decision) => Fallback = EdgeCloudMask.Fill(decision, Options.Budgets, Options.MaskOverBudget, _mask);

    private static PlacementChoice ToChoice(EdgeCloudDecision decision, CompositeAction action, int index)
    {
        var ids = new List<string>();
        for (var i = 0; i < EdgeCloudWorkload.ModalitySlots; i++)
        {
            if ((action.ModalityMask & (1 << i)) != 0)
            {
                ids.Add(SlotId(i));
            }
        }

        var expected = new RequestEstimate(decision.ExpectedLatencyMs(index), 0, decision.ExpectedEnergyJoules(index),
            decision.ExpectedSpendUsd(index), 0, 0, decision.ExpectedQuality(index));
        return new PlacementChoice(action.Location, ids, action.DraftLength, index, 1, expected);
    }

    private static RequestPlacement ToPlacement(EdgeCloudRequest request)
    {
        var offers = new List<ModalityOffer>();
        for (var i = 0; i < request.Modalities.Count; i++)
        {
            var slot = request.Modalities[i];
            if (slot.Present)
            {
                offers.Add(new ModalityOffer { Id = SlotId(i), Kind = ModalityKind.Image, SizeBytes = slot.SizeBytes, RelevanceScore = slot.Relevance });
            }
        }

        return new RequestPlacement
        {
            SchemaVersion = 1,
            RequestId = Guid.Empty,
            DeviceId = "simulated",
            DialogueId = "window",
            Turn = 0,
            TaskCategory = request.Task,
            Modalities = offers,
            PromptTokens = request.PromptTokens,
            ExpectedOutputTokens = request.OutputTokens,
            LatencySloMs = double.PositiveInfinity,
            RequestedAt = DateTimeOffset.UnixEpoch,
        };
    }

    private static string SlotId(int slot) => $"view{slot}";
}
