using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Placement;

/// <summary>
/// A <see cref="PlacementContext"/> validated and resolved into what the cost model needs: the device
/// profile, the link, text-only acceptance α, the draft-length memory cap, per-modality sizes and
/// relevances, and the budget limits. Without a heartbeat (unknown device) it assumes
/// <see cref="PlacementDefaults.UnknownDevice"/> on <see cref="PlacementDefaults.UnknownNetwork"/>'s nominal
/// channel and disables speculative decoding (cap 0): whether the draft fits and how well it drafts is unknown.
/// </summary>
public sealed class PlacementInputs
{
    private readonly long[] _sizes;
    private readonly double[] _relevances;

    private PlacementInputs(RequestPlacement request, LinkConditions link, bool deviceKnown, double textAlpha,
        int draftLengthCap, BudgetLimits limits, long[] sizes, double[] relevances)
    {
        Request = request;
        Link = link;
        DeviceKnown = deviceKnown;
        TextAlpha = textAlpha;
        DraftLengthCap = draftLengthCap;
        Limits = limits;
        _sizes = sizes;
        _relevances = relevances;
    }

    public RequestPlacement Request { get; }

    /// <summary>Device profile, network profile and channel state planned with.</summary>
    public LinkConditions Link { get; }

    /// <summary>False when planned on defaults because no heartbeat was available.</summary>
    public bool DeviceKnown { get; }

    /// <summary>True when cloud and speculative placements are reachable.</summary>
    public bool LinkUp => Link.Channel.IsUp;

    /// <summary>α with nothing uploaded: the device's running estimate, else the task prior.</summary>
    public double TextAlpha { get; }

    /// <summary>Longest draft that fits in free memory (0: no speculative decoding).</summary>
    public int DraftLengthCap { get; }

    public BudgetLimits Limits { get; }

    /// <summary>Number of offered modalities M.</summary>
    public int ModalityCount => _sizes.Length;

    /// <summary>Payload of offered modality <paramref name="index"/>, bytes.</summary>
    public long SizeBytes(int index) => _sizes[index];

    /// <summary>Relevance of offered modality <paramref name="index"/> (the device's score or the default).</summary>
    public double Relevance(int index) => _relevances[index];

    /// <summary>Validates <paramref name="context"/> and resolves it.</summary>
    /// <exception cref="ArgumentException">A field is missing or out of range; the message names it and its value.</exception>
    public static PlacementInputs Resolve(PlacementContext context, int maxDraftLength, PlacementDefaults defaults, AcceptanceModel acceptance)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(acceptance);
        var request = context.Request ?? throw new ArgumentException("context.Request is null.", nameof(context));
        var budgets = context.Budgets ?? throw new ArgumentException("context.Budgets is null.", nameof(context));
        budgets.Validate("context.Budgets");
        ValidateRequest(request);
        (long[] sizes, double[] relevances) = ReadModalities(request.Modalities, defaults.UnknownRelevance);
        double latencyLimit = Math.Min(budgets.LatencyRemainingMs, request.LatencySloMs);

        if (context.Device is not { } heartbeat)
        {
            var network = NetworkProfiles.Get(defaults.UnknownNetwork);
            var assumed = new LinkConditions(defaults.UnknownDevice, network, network.Nominal);
            return new PlacementInputs(request, assumed, deviceKnown: false, acceptance.Prior(request.TaskCategory), draftLengthCap: 0,
                new BudgetLimits(latencyLimit, budgets.CloudSpendRemainingUsd, budgets.EnergyRemainingJoules), sizes, relevances);
        }

        ValidateHeartbeat(heartbeat);
        if (!DeviceProfiles.TryGet(heartbeat.DeviceClass, out var device))
        {
            throw Invalid("Device.DeviceClass", $"'{heartbeat.DeviceClass}'",
                $"is not a known device class (known: {string.Join(", ", DeviceProfiles.Names)})");
        }

        var profile = NetworkProfiles.Get(heartbeat.Network);
        bool up = heartbeat.Network != NetworkType.Disconnected && heartbeat.UplinkMbps > 0 && heartbeat.DownlinkMbps > 0;
        var channel = up ? new ChannelState(heartbeat.UplinkMbps, heartbeat.DownlinkMbps, heartbeat.RttMs, true) : ChannelState.Down;
        double energyLimit = Math.Min(budgets.EnergyRemainingJoules, heartbeat.EnergyBudgetRemainingJoules);
        return new PlacementInputs(request, new LinkConditions(device, profile, channel), deviceKnown: true,
            heartbeat.DraftAcceptanceEstimate ?? acceptance.Prior(request.TaskCategory),
            device.DraftLengthCap(heartbeat.FreeMemoryMb, maxDraftLength),
            new BudgetLimits(latencyLimit, budgets.CloudSpendRemainingUsd, energyLimit), sizes, relevances);
    }

    private static void ValidateRequest(RequestPlacement request)
    {
        if (request.PromptTokens < 0)
        {
            throw Invalid("Request.PromptTokens", request.PromptTokens, "must be ≥ 0");
        }

        if (request.ExpectedOutputTokens < 1)
        {
            throw Invalid("Request.ExpectedOutputTokens", request.ExpectedOutputTokens, "must be ≥ 1");
        }

        if (double.IsNaN(request.LatencySloMs) || request.LatencySloMs <= 0)
        {
            throw Invalid("Request.LatencySloMs", request.LatencySloMs, "must be > 0 (+∞ for no SLO)");
        }

        if (request.TaskCategory is null)
        {
            throw Invalid("Request.TaskCategory", "null", "is required");
        }

        if (request.Modalities is null)
        {
            throw Invalid("Request.Modalities", "null", "is required (empty when nothing can be uploaded)");
        }

        if (request.Modalities.Count > CompositeActionSpace.MaxModalities)
        {
            throw Invalid("Request.Modalities", $"{request.Modalities.Count} offers",
                $"may hold at most {CompositeActionSpace.MaxModalities} modalities");
        }
    }

    private static (long[] Sizes, double[] Relevances) ReadModalities(IReadOnlyList<ModalityOffer> offers, double unknownRelevance)
    {
        var sizes = new long[offers.Count];
        var relevances = new double[offers.Count];
        for (int i = 0; i < offers.Count; i++)
        {
            var offer = offers[i] ?? throw Invalid($"Request.Modalities[{i}]", "null", "is required");
            if (string.IsNullOrEmpty(offer.Id))
            {
                throw Invalid($"Request.Modalities[{i}].Id", "empty", "is required");
            }

            for (int j = 0; j < i; j++)
            {
                if (string.Equals(offers[j].Id, offer.Id, StringComparison.Ordinal))
                {
                    throw Invalid($"Request.Modalities[{i}].Id", offer.Id, $"repeats Request.Modalities[{j}].Id");
                }
            }

            if (offer.SizeBytes < 0)
            {
                throw Invalid($"Request.Modalities[{i}].SizeBytes", offer.SizeBytes, "must be ≥ 0");
            }

            double relevance = offer.RelevanceScore ?? unknownRelevance;
            if (double.IsNaN(relevance) || relevance < 0 || relevance > 1)
            {
                throw Invalid($"Request.Modalities[{i}].RelevanceScore", relevance, "must lie in [0, 1]");
            }

            sizes[i] = offer.SizeBytes;
            relevances[i] = relevance;
        }

        return (sizes, relevances);
    }

    private static void ValidateHeartbeat(HeartbeatReported heartbeat)
    {
        RequireNonNegative(heartbeat.FreeMemoryMb, "Device.FreeMemoryMb");
        RequireNonNegative(heartbeat.UplinkMbps, "Device.UplinkMbps");
        RequireNonNegative(heartbeat.DownlinkMbps, "Device.DownlinkMbps");
        RequireNonNegative(heartbeat.RttMs, "Device.RttMs");
        if (double.IsNaN(heartbeat.EnergyBudgetRemainingJoules))
        {
            throw Invalid("Device.EnergyBudgetRemainingJoules", heartbeat.EnergyBudgetRemainingJoules, "is NaN");
        }

        if (heartbeat.DraftAcceptanceEstimate is { } alpha && (double.IsNaN(alpha) || alpha < 0 || alpha > 1))
        {
            throw Invalid("Device.DraftAcceptanceEstimate", alpha, "must lie in [0, 1]");
        }

        if (!Enum.IsDefined(heartbeat.Network))
        {
            throw Invalid("Device.Network", (int)heartbeat.Network, "is not a known NetworkType");
        }
    }

    private static void RequireNonNegative(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw Invalid(field, value, "must be a finite number ≥ 0");
        }
    }

    private static ArgumentException Invalid(string field, object value, string rule) =>
        new($"context.{field} {rule}; got {value}.", "context");
}
