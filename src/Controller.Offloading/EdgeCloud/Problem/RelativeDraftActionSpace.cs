using Controller.Contracts;
using Controller.Offloading.Placement;

namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// The learner's actions when draft lengths are relative to the planner (<see cref="DraftLengthActions.RelativeToPlanner"/>):
/// index 0 is local, 1..2^M cloud with each modality subset (both as in <see cref="CompositeActionSpace"/>), then per
/// subset 2K − 1 speculative actions, offsets δ = −(K − 1)..K − 1 from the anchor k*(subset) — the throughput-optimal draft
/// length argmax_k E[N(k)]/T(k) with that subset's α estimate, capped by memory (<see cref="EdgeCloudDecision.ThroughputOptimalDraftLength"/>). An offset is
/// allowed when 1 ≤ k* + δ ≤ K and the absolute action is allowed, so the allowed relative actions and the allowed
/// absolute ones correspond one to one: no draft length is lost, only renamed.
/// </summary>
public sealed class RelativeDraftActionSpace
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int), RelativeDraftActionSpace> Cache = new();

    public RelativeDraftActionSpace(CompositeActionSpace absolute)
    {
        ArgumentNullException.ThrowIfNull(absolute);
        Absolute = absolute;
        OffsetCount = (2 * absolute.MaxDraftLength) - 1;
        Count = absolute.FirstSpeculativeIndex + (absolute.SubsetCount * OffsetCount);
    }

    /// <summary>The absolute space the environment acts in.</summary>
    public CompositeActionSpace Absolute { get; }

    /// <summary>Offsets per subset, 2K − 1.</summary>
    public int OffsetCount { get; }

    /// <summary>Number of relative actions, 1 + 2^M + 2^M·(2K − 1) (129 at M = 3, K = 8).</summary>
    public int Count { get; }

    /// <summary>The shared space for (M, K).</summary>
    public static RelativeDraftActionSpace Get(int modalityCount, int maxDraftLength) =>
        Cache.GetOrAdd((modalityCount, maxDraftLength), key => new RelativeDraftActionSpace(CompositeActionSpace.Get(key.Item1, key.Item2)));

    /// <summary>The offset δ of speculative relative action <paramref name="action"/>.</summary>
    public int Offset(int action) => ((action - Absolute.FirstSpeculativeIndex) % OffsetCount) - (Absolute.MaxDraftLength - 1);

    /// <summary>The subset rank of speculative relative action <paramref name="action"/>.</summary>
    public int SubsetRank(int action) => (action - Absolute.FirstSpeculativeIndex) / OffsetCount;

    /// <summary>The relative index of speculative decoding with subset rank <paramref name="rank"/> and offset <paramref name="offset"/>.</summary>
    public int SpeculativeIndex(int rank, int offset) => Absolute.FirstSpeculativeIndex + (rank * OffsetCount) + offset + Absolute.MaxDraftLength - 1;

    /// <summary>The absolute action <paramref name="action"/> names in <paramref name="decision"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the space, or its k* + δ is outside 1..K.</exception>
    public int ToAbsolute(EdgeCloudDecision decision, int action)
    {
        RequireSameSpace(decision);
        if ((uint)action >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, $"Relative action must lie in [0, {Count}).");
        }

        if (action < Absolute.FirstSpeculativeIndex)
        {
            return action;
        }

        var rank = SubsetRank(action);
        var k = decision.ThroughputOptimalDraftLength(Absolute.SubsetAt(rank)) + Offset(action);
        if (k < 1 || k > Absolute.MaxDraftLength)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, $"{Label(action)} names k = {k} here, outside 1..{Absolute.MaxDraftLength}.");
        }

        return Absolute.SpeculativeIndex(rank, k);
    }

    /// <summary>
    /// Per-action values (such as log-priors) moved from the absolute space to this one: each allowed relative
    /// action takes the value of the absolute action it names in <paramref name="decision"/>; forbidden ones get 0.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length does not match its space.</exception>
    public void FromAbsoluteValues(EdgeCloudDecision decision, ReadOnlySpan<bool> relativeMask, ReadOnlySpan<float> absoluteValues, Span<float> values)
    {
        if (relativeMask.Length != Count || values.Length != Count || absoluteValues.Length != Absolute.Count)
        {
            throw new ArgumentException($"Expected a relative mask and values of {Count} and absolute values of {Absolute.Count}; got {relativeMask.Length}, {values.Length} and {absoluteValues.Length}.", nameof(values));
        }

        for (var a = 0; a < values.Length; a++)
        {
            values[a] = relativeMask[a] ? absoluteValues[ToAbsolute(decision, a)] : 0f;
        }
    }

    /// <summary>The relative action naming absolute action <paramref name="absoluteAction"/> in <paramref name="decision"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The absolute action is speculative but the anchor is 0 (no speculative decoding here).</exception>
    public int FromAbsolute(EdgeCloudDecision decision, int absoluteAction)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var composite = Absolute.Decode(absoluteAction);
        if (composite.Location != Location.Speculative)
        {
            return absoluteAction;
        }

        var anchor = decision.ThroughputOptimalDraftLength(composite.ModalityMask);
        if (anchor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(absoluteAction), absoluteAction, "Speculative decoding cannot run in this decision (link down or no memory for a draft).");
        }

        return SpeculativeIndex(Absolute.RankOf(composite.ModalityMask), composite.DraftLength - anchor);
    }

    /// <summary>Writes the relative mask of <paramref name="absoluteMask"/> in <paramref name="decision"/>.</summary>
    public void Mask(EdgeCloudDecision decision, ReadOnlySpan<bool> absoluteMask, Span<bool> relativeMask)
    {
        RequireSameSpace(decision);
        if (absoluteMask.Length != Absolute.Count || relativeMask.Length != Count)
        {
            throw new ArgumentException($"Masks must hold {Absolute.Count} absolute and {Count} relative actions; got {absoluteMask.Length} and {relativeMask.Length}.");
        }

        var first = Absolute.FirstSpeculativeIndex;
        absoluteMask[..first].CopyTo(relativeMask);
        relativeMask[first..].Clear();
        for (var rank = 0; rank < Absolute.SubsetCount; rank++)
        {
            var anyAllowed = false;
            for (var k = 1; k <= Absolute.MaxDraftLength && !anyAllowed; k++)
            {
                anyAllowed = absoluteMask[Absolute.SpeculativeIndex(rank, k)];
            }

            if (!anyAllowed)
            {
                continue;
            }

            var anchor = decision.ThroughputOptimalDraftLength(Absolute.SubsetAt(rank));
            if (anchor < 1)
            {
                throw new ArgumentException("The absolute mask allows speculative decoding where it cannot run (link down or no memory for a draft).", nameof(absoluteMask));
            }

            for (var k = 1; k <= Absolute.MaxDraftLength; k++)
            {
                relativeMask[SpeculativeIndex(rank, k - anchor)] = absoluteMask[Absolute.SpeculativeIndex(rank, k)];
            }
        }
    }

    /// <summary>
    /// The log-prior a learner starts from (<c>TrainingSetup.PolicyLogitPrior</c>): 0 for local and
    /// cloud, −<paramref name="natsPerOffset"/>·|δ| for speculative offsets, so the untrained policy drafts close to k* and a
    /// state it never learns about (say an RTT it never met while speculating) keeps the planner's answer rather than the
    /// arbitrary one an untrained head would give. Learning revises it where the data disagree. It also shifts the untrained
    /// policy's placement: per subset, speculative decoding starts with weight Σ exp(−slope·|δ|) (≈ 1.3 at 2 nats) against
    /// 1 for cloud, where 8 flat draft lengths gave it 8.
    /// </summary>
    public float[] PriorLogits(double natsPerOffset = 1)
    {
        if (!(natsPerOffset >= 0) || double.IsInfinity(natsPerOffset))
        {
            throw new ArgumentOutOfRangeException(nameof(natsPerOffset), natsPerOffset, "The prior's slope must be a finite number ≥ 0 nats per offset step.");
        }

        var prior = new float[Count];
        for (var a = Absolute.FirstSpeculativeIndex; a < Count; a++)
        {
            prior[a] = (float)(-natsPerOffset * Math.Abs(Offset(a)));
        }

        return prior;
    }

    private void RequireSameSpace(EdgeCloudDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Space.ModalityCount != Absolute.ModalityCount || decision.Space.MaxDraftLength != Absolute.MaxDraftLength)
        {
            throw new ArgumentException($"The decision has M = {decision.Space.ModalityCount}, K = {decision.Space.MaxDraftLength}; this space has M = {Absolute.ModalityCount}, K = {Absolute.MaxDraftLength}.", nameof(decision));
        }
    }

    /// <summary>A short label, e.g. <c>spec{0,2} k*-1</c>.</summary>
    public string Label(int action)
    {
        if (action < Absolute.FirstSpeculativeIndex)
        {
            return EdgeCloudActionLabels.Label(Absolute, action);
        }

        var subset = Absolute.SubsetAt(SubsetRank(action));
        var members = "{" + string.Join(",", Enumerable.Range(0, Absolute.ModalityCount).Where(i => (subset & (1 << i)) != 0)) + "}";
        var offset = Offset(action);
        return offset == 0 ? $"spec{members} k*" : $"spec{members} k*{offset:+0;-0}";
    }
}
