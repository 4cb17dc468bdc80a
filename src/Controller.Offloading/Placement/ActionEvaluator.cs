using System.Buffers;
using System.Numerics;
using Controller.Contracts;
using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Placement;

/// <summary>
/// Expected cost, quality, association and feasibility of every action of a space for one resolved
/// request. Per-subset sums (bytes, relevance coverage, relevance total) are built once by adding one
/// modality to a smaller subset, and the speculative round's lines once per link, so each action then
/// costs a handful of multiplications. One instance per request; dispose it to return its pooled tables.
/// </summary>
public sealed class ActionEvaluator : IDisposable
{
    private readonly PlacementInputs _inputs;
    private readonly EdgeCloudCostModel _model;
    private readonly RoundCosts _round;
    private readonly ModeCost _local;
    private readonly int _offeredMask;
    private readonly double _relevanceTotal;
    private long[]? _subsetBytes;
    private double[]? _subsetMissing;
    private double[]? _subsetRelevance;

    /// <exception cref="ArgumentException">The space has fewer modality slots than the request offers.</exception>
    public ActionEvaluator(PlacementInputs inputs, CompositeActionSpace space, EdgeCloudCostModel model)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(model);
        if (space.ModalityCount < inputs.ModalityCount)
        {
            throw new ArgumentException(
                $"Action space has {space.ModalityCount} modality slots but the request offers {inputs.ModalityCount}.", nameof(space));
        }

        _inputs = inputs;
        _model = model;
        Space = space;
        _offeredMask = (1 << inputs.ModalityCount) - 1;
        _local = model.Local(inputs.Link.Device, inputs.Request.PromptTokens, inputs.Request.ExpectedOutputTokens);
        if (inputs.LinkUp)
        {
            _round = model.RoundCosts(inputs.Link);
        }

        int subsets = 1 << inputs.ModalityCount;
        _subsetBytes = ArrayPool<long>.Shared.Rent(subsets);
        _subsetMissing = ArrayPool<double>.Shared.Rent(subsets);
        _subsetRelevance = ArrayPool<double>.Shared.Rent(subsets);
        _subsetBytes[0] = 0;
        _subsetMissing[0] = 1;
        _subsetRelevance[0] = 0;
        for (int subset = 1; subset < subsets; subset++)
        {
            int member = BitOperations.TrailingZeroCount(subset);
            int rest = subset & (subset - 1);
            _subsetBytes[subset] = _subsetBytes[rest] + inputs.SizeBytes(member);
            _subsetMissing[subset] = _subsetMissing[rest] * (1 - inputs.Relevance(member));
            _subsetRelevance[subset] = _subsetRelevance[rest] + inputs.Relevance(member);
        }

        _relevanceTotal = _subsetRelevance[subsets - 1];
    }

    public CompositeActionSpace Space { get; }

    public PlacementInputs Inputs => _inputs;

    /// <summary>
    /// True when the action can be executed at all: Local always; Cloud and Speculative only on an up link
    /// and with offered modalities only; Speculative only with k ≤ the memory cap.
    /// </summary>
    public bool IsStructurallyAllowed(CompositeAction action)
    {
        if (action.Location == Location.Local)
        {
            return true;
        }

        if (!_inputs.LinkUp || !IsOffered(action.ModalityMask))
        {
            return false;
        }

        return action.Location == Location.Cloud || action.DraftLength <= _inputs.DraftLengthCap;
    }

    /// <summary>Expected latency, energy, spend and traffic of a structurally allowed action.</summary>
    public ModeCost Cost(CompositeAction action) => action.Location switch
    {
        Location.Local => _local,
        Location.Cloud => CloudCost(action.ModalityMask),
        _ => SpeculativeCost(action.ModalityMask, action.DraftLength, ExpectedTokens(Alpha(action.ModalityMask), action.DraftLength)),
    };

    /// <summary>Expected cost of serving on the device.</summary>
    public ModeCost LocalCost => _local;

    /// <summary>Expected cost of Cloud with the modalities in <paramref name="modalityMask"/>.</summary>
    public ModeCost CloudCost(int modalityMask)
    {
        var request = _inputs.Request;
        return _model.CloudOnly(_inputs.Link, request.PromptTokens, request.ExpectedOutputTokens,
            Bytes(modalityMask), BitOperations.PopCount((uint)modalityMask));
    }

    /// <summary>
    /// Expected cost of Speculative with <paramref name="modalityMask"/> and draft length k, given E[N(k)] for this
    /// subset's α (a caller scanning k accumulates E[N] instead of recomputing it). Needs an up link.
    /// </summary>
    public ModeCost SpeculativeCost(int modalityMask, int draftLength, double expectedTokensPerRound)
    {
        var request = _inputs.Request;
        return _model.SpeculativeWithExpectedTokens(_inputs.Link, _round, request.PromptTokens, request.ExpectedOutputTokens,
            Bytes(modalityMask), BitOperations.PopCount((uint)modalityMask), Alpha(modalityMask), expectedTokensPerRound, draftLength);
    }

    /// <summary>True when every modality in <paramref name="modalityMask"/> is offered by the request.</summary>
    public bool IsOffered(int modalityMask) => (modalityMask & ~_offeredMask) == 0;

    /// <summary>Expected answer quality: the local model's for Local, the cloud's with these uploads otherwise.</summary>
    public double Quality(CompositeAction action) => action.Location == Location.Local ? LocalQuality : CloudQuality(action.ModalityMask);

    /// <summary>Expected quality of the local model on this request's task.</summary>
    public double LocalQuality => _model.Quality.Local(_inputs.Request.TaskCategory);

    /// <summary>Expected cloud (and speculative) quality with the modalities in <paramref name="modalityMask"/>.</summary>
    public double CloudQuality(int modalityMask) => _model.Quality.Cloud(Coverage(modalityMask));

    /// <summary>
    /// TMO's association term: the uploaded modalities' relevance as a share of all offered modalities'
    /// relevance, in [0, 1] (0 for Local, text only, or when nothing offered is relevant).
    /// </summary>
    public double Association(CompositeAction action) => action.Location == Location.Local ? 0 : Association(action.ModalityMask);

    /// <summary>The association share of the modalities in <paramref name="modalityMask"/>.</summary>
    public double Association(int modalityMask) => _relevanceTotal <= 0 ? 0 : Table(_subsetRelevance)[modalityMask] / _relevanceTotal;

    /// <summary>Per-token acceptance α with these uploads (the draft cannot see them).</summary>
    public double Alpha(int modalityMask) => _model.Acceptance.WithUploads(_inputs.TextAlpha, Coverage(modalityMask));

    /// <summary>
    /// Writes which actions are allowed into <paramref name="mask"/> (length <see cref="CompositeActionSpace.Count"/>)
    /// and returns how many are. Structural rules always apply; with <paramref name="applyBudgets"/> an action
    /// whose expected latency, spend or energy exceeds <see cref="PlacementInputs.Limits"/> is masked too. When
    /// that leaves nothing, Local is allowed as the safe fallback (it needs no link and spends no money).
    /// </summary>
    public int FillMask(Span<bool> mask, bool applyBudgets)
    {
        if (mask.Length != Space.Count)
        {
            throw new ArgumentException($"Mask length {mask.Length} differs from the action count {Space.Count}.", nameof(mask));
        }

        int allowed = 0;
        var limits = _inputs.Limits;
        for (int index = 0; index < mask.Length; index++)
        {
            var action = Space.Decode(index);
            bool ok = IsStructurallyAllowed(action);
            if (ok && applyBudgets)
            {
                var cost = Cost(action);
                ok = limits.Admits(cost.LatencyMs, cost.CloudCostUsd, cost.DeviceEnergyJoules);
            }

            mask[index] = ok;
            allowed += ok ? 1 : 0;
        }

        if (allowed == 0)
        {
            mask[0] = true;
            allowed = 1;
        }

        return allowed;
    }

    /// <summary>The ids of the offered modalities in <paramref name="modalityMask"/>, in offer order.</summary>
    public IReadOnlyList<string> ModalityIds(int modalityMask)
    {
        if (modalityMask == 0)
        {
            return [];
        }

        var ids = new string[BitOperations.PopCount((uint)modalityMask)];
        int next = 0;
        for (int i = 0; i < _inputs.ModalityCount; i++)
        {
            if ((modalityMask & (1 << i)) != 0)
            {
                ids[next++] = _inputs.Request.Modalities[i].Id;
            }
        }

        return ids;
    }

    public void Dispose()
    {
        if (_subsetBytes is { } bytes)
        {
            ArrayPool<long>.Shared.Return(bytes);
            ArrayPool<double>.Shared.Return(_subsetMissing!);
            ArrayPool<double>.Shared.Return(_subsetRelevance!);
            _subsetBytes = null;
            _subsetMissing = null;
            _subsetRelevance = null;
        }
    }

    private long Bytes(int modalityMask) => (_subsetBytes ?? throw Disposed())[modalityMask];

    private double Coverage(int modalityMask) => 1 - Table(_subsetMissing)[modalityMask];

    private static double[] Table(double[]? table) => table ?? throw Disposed();

    private static ObjectDisposedException Disposed() => new(nameof(ActionEvaluator));

    /// <summary>E[N(k)] in closed form (1 − α^(k+1))/(1 − α), k + 1 at α = 1.</summary>
    private static double ExpectedTokens(double alpha, int draftLength) =>
        alpha >= 1 ? draftLength + 1 : (1 - Math.Pow(alpha, draftLength + 1)) / (1 - alpha);
}
