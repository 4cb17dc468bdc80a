using System.Collections.Concurrent;
using System.Numerics;
using Controller.Contracts;

namespace Controller.Offloading.Placement;

/// <summary>
/// The flattened composite action space for M offered modalities (M ≤ 8) and maximum draft length K:
/// <code>
/// index 0                               Local
/// index 1 + r                           Cloud with subset r,                 r ∈ 0..2^M − 1
/// index 1 + 2^M + r·K + (k − 1)         Speculative with subset r, draft k,  k ∈ 1..K
/// </code>
/// Count = 1 + 2^M·(1 + K). Subsets are ranked by size, then lexicographically by their sorted member
/// indices: r = 0 is text only, then {0}, {1}, …, {0,1}, {0,2}, … — for M = 3 the first nine indices are
/// TMO's action numbering (0 local, 1 text, 2–4 one view, 5–7 two views, 8 all three). Immutable and
/// shared: <see cref="Get"/> caches one instance per (M, K).
/// </summary>
public sealed class CompositeActionSpace
{
    /// <summary>Most modalities one request may offer: 2^8 subsets keep masks and tables small.</summary>
    public const int MaxModalities = 8;

    /// <summary>Largest K a space may have.</summary>
    public const int MaxDraftLengthLimit = 64;

    private static readonly int[][] SubsetsByRank = BuildSubsetOrders();
    private static readonly int[][] RanksBySubset = BuildRankTables();
    private static readonly ConcurrentDictionary<(int, int), CompositeActionSpace> Cache = new();

    private readonly int[] _subsetByRank;
    private readonly int[] _rankBySubset;

    public CompositeActionSpace(int modalityCount, int maxDraftLength)
    {
        if (modalityCount < 0 || modalityCount > MaxModalities)
        {
            throw new ArgumentOutOfRangeException(nameof(modalityCount), modalityCount, $"Modality count M must lie in [0, {MaxModalities}].");
        }

        if (maxDraftLength < 1 || maxDraftLength > MaxDraftLengthLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDraftLength), maxDraftLength, $"Maximum draft length K must lie in [1, {MaxDraftLengthLimit}].");
        }

        ModalityCount = modalityCount;
        MaxDraftLength = maxDraftLength;
        SubsetCount = 1 << modalityCount;
        Count = 1 + (SubsetCount * (1 + maxDraftLength));
        _subsetByRank = SubsetsByRank[modalityCount];
        _rankBySubset = RanksBySubset[modalityCount];
    }

    /// <summary>The shared space for (M, K).</summary>
    public static CompositeActionSpace Get(int modalityCount, int maxDraftLength) =>
        Cache.TryGetValue((modalityCount, maxDraftLength), out var space)
            ? space
            : Cache.GetOrAdd((modalityCount, maxDraftLength), new CompositeActionSpace(modalityCount, maxDraftLength));

    /// <summary>M, the number of modality slots.</summary>
    public int ModalityCount { get; }

    /// <summary>K, the longest draft.</summary>
    public int MaxDraftLength { get; }

    /// <summary>2^M, the number of modality subsets (the empty one included).</summary>
    public int SubsetCount { get; }

    /// <summary>Number of actions, 1 + 2^M·(1 + K).</summary>
    public int Count { get; }

    /// <summary>First speculative index, 1 + 2^M.</summary>
    public int FirstSpeculativeIndex => 1 + SubsetCount;

    /// <summary>The modality bitmask of subset rank <paramref name="rank"/>.</summary>
    public int SubsetAt(int rank) => _subsetByRank[rank];

    /// <summary>The rank of modality bitmask <paramref name="subsetMask"/>.</summary>
    public int RankOf(int subsetMask) => _rankBySubset[subsetMask];

    /// <summary>Index of Cloud with the subset of rank <paramref name="rank"/>.</summary>
    public int CloudIndex(int rank) => 1 + rank;

    /// <summary>Index of Speculative with the subset of rank <paramref name="rank"/> and draft length <paramref name="draftLength"/>.</summary>
    public int SpeculativeIndex(int rank, int draftLength) => FirstSpeculativeIndex + (rank * MaxDraftLength) + (draftLength - 1);

    /// <summary>The index of <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The action does not belong to this space (the message names the field).</exception>
    public int Encode(CompositeAction action)
    {
        if (action.ModalityMask < 0 || action.ModalityMask >= SubsetCount)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action.ModalityMask,
                $"ModalityMask must lie in [0, 2^{ModalityCount}) for this space.");
        }

        switch (action.Location)
        {
            case Location.Local:
                if (action.ModalityMask != 0 || action.DraftLength != 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(action), action, "Local uploads nothing and drafts nothing (ModalityMask and DraftLength must be 0).");
                }

                return 0;
            case Location.Cloud:
                if (action.DraftLength != 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(action), action.DraftLength, "Cloud has DraftLength 0.");
                }

                return CloudIndex(RankOf(action.ModalityMask));
            case Location.Speculative:
                if (action.DraftLength < 1 || action.DraftLength > MaxDraftLength)
                {
                    throw new ArgumentOutOfRangeException(nameof(action), action.DraftLength, $"Speculative DraftLength must lie in [1, {MaxDraftLength}].");
                }

                return SpeculativeIndex(RankOf(action.ModalityMask), action.DraftLength);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.Location, "Unknown Location.");
        }
    }

    /// <summary>The action at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside [0, <see cref="Count"/>).</exception>
    public CompositeAction Decode(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Action index must lie in [0, {Count}) for M = {ModalityCount}, K = {MaxDraftLength}.");
        }

        if (index == 0)
        {
            return CompositeAction.Local;
        }

        if (index < FirstSpeculativeIndex)
        {
            return new CompositeAction(Location.Cloud, _subsetByRank[index - 1], 0);
        }

        int offset = index - FirstSpeculativeIndex;
        (int rank, int draft) = Math.DivRem(offset, MaxDraftLength);
        return new CompositeAction(Location.Speculative, _subsetByRank[rank], draft + 1);
    }

    private static int[][] BuildSubsetOrders()
    {
        var orders = new int[MaxModalities + 1][];
        for (int m = 0; m <= MaxModalities; m++)
        {
            var subsets = new int[1 << m];
            for (int s = 0; s < subsets.Length; s++)
            {
                subsets[s] = s;
            }

            Array.Sort(subsets, CompareBySizeThenMembers);
            orders[m] = subsets;
        }

        return orders;
    }

    private static int[][] BuildRankTables()
    {
        var tables = new int[MaxModalities + 1][];
        for (int m = 0; m <= MaxModalities; m++)
        {
            var ranks = new int[1 << m];
            for (int rank = 0; rank < ranks.Length; rank++)
            {
                ranks[SubsetsByRank[m][rank]] = rank;
            }

            tables[m] = ranks;
        }

        return tables;
    }

    /// <summary>Smaller subsets first; equal sizes compare their sorted member lists lexicographically.</summary>
    private static int CompareBySizeThenMembers(int left, int right)
    {
        int bySize = BitOperations.PopCount((uint)left).CompareTo(BitOperations.PopCount((uint)right));
        if (bySize != 0)
        {
            return bySize;
        }

        // The first differing member decides: the subset holding the lower index comes first.
        int differ = left ^ right;
        if (differ == 0)
        {
            return 0;
        }

        int lowest = differ & -differ;
        return (left & lowest) != 0 ? -1 : 1;
    }
}
