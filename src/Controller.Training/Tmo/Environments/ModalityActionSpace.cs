using System.Numerics;

namespace Controller.Training.Tmo.Environments;

/// <summary>
/// TMO's flat action space for M modalities: 1 + 2^M actions. Action 0 runs the local LLM; the
/// others call the cloud LLM with a subset of the views, ordered by subset size and then
/// lexicographically (for M = 3: 1 text only; 2,3,4 one view; 5,6,7 two views; 8 all three).
/// </summary>
public sealed class ModalityActionSpace
{
    /// <summary>Largest modality count supported; 2^12 cloud subsets is already far past any dataset here.</summary>
    public const int MaxModalities = 12;

    private readonly int[] _masks;
    private readonly int[] _actionOfMask;

    public ModalityActionSpace(int modalityCount)
    {
        if (modalityCount is < 1 or > MaxModalities)
        {
            throw new ArgumentOutOfRangeException(nameof(modalityCount), modalityCount, $"modality count must be 1..{MaxModalities}");
        }

        ModalityCount = modalityCount;
        var subsets = Enumerable.Range(0, 1 << modalityCount)
            .OrderBy(mask => BitOperations.PopCount((uint)mask))
            .ThenBy(mask => LexicographicKey(mask, modalityCount), StringComparer.Ordinal)
            .ToArray();
        _masks = new int[subsets.Length + 1];
        _actionOfMask = new int[subsets.Length];
        for (var i = 0; i < subsets.Length; i++)
        {
            _masks[i + 1] = subsets[i];
            _actionOfMask[subsets[i]] = i + 1;
        }
    }

    /// <summary>Number of modalities (camera views, audio, …).</summary>
    public int ModalityCount { get; }

    /// <summary>Number of actions, 1 + 2^M.</summary>
    public int ActionCount => _masks.Length;

    /// <summary>The local action.</summary>
    public const int Local = 0;

    /// <summary>True when <paramref name="action"/> calls the cloud LLM.</summary>
    public bool IsCloud(int action) => Check(action) != Local;

    /// <summary>Bit m set when modality m is uploaded; 0 for local and text only.</summary>
    public int ModalityMask(int action) => _masks[Check(action)];

    /// <summary>Number of modalities uploaded by <paramref name="action"/>.</summary>
    public int ImageCount(int action) => BitOperations.PopCount((uint)ModalityMask(action));

    /// <summary>True when <paramref name="action"/> uploads modality <paramref name="modality"/>.</summary>
    public bool Uploads(int action, int modality) => (ModalityMask(action) & (1 << modality)) != 0;

    /// <summary>The action that calls the cloud with exactly <paramref name="modalities"/>, or local when <paramref name="cloud"/> is false.</summary>
    public int CloudAction(bool cloud, IEnumerable<int> modalities)
    {
        if (!cloud)
        {
            return Local;
        }

        var mask = 0;
        foreach (var m in modalities)
        {
            if (m < 0 || m >= ModalityCount)
            {
                throw new ArgumentOutOfRangeException(nameof(modalities), m, $"modality must be 0..{ModalityCount - 1}");
            }

            mask |= 1 << m;
        }

        return _actionOfMask[mask];
    }

    /// <summary>TMO's 1 + M action code for the estimator: [cloud, m0, …, m(M−1)] as 0/1.</summary>
    public void WriteCode(int action, Span<float> code)
    {
        code[0] = IsCloud(action) ? 1f : 0f;
        for (var m = 0; m < ModalityCount; m++)
        {
            code[m + 1] = Uploads(action, m) ? 1f : 0f;
        }
    }

    /// <summary>Short human label: <c>local</c>, <c>cloud</c>, <c>cloud+0+2</c>.</summary>
    public string Label(int action)
    {
        if (!IsCloud(action))
        {
            return "local";
        }

        var views = Enumerable.Range(0, ModalityCount).Where(m => Uploads(action, m));
        return string.Join('+', views.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)).Prepend("cloud"));
    }

    private int Check(int action)
    {
        if ((uint)action >= (uint)_masks.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, $"action must be 0..{_masks.Length - 1}");
        }

        return action;
    }

    // "0,1" < "0,2" < "1,2": subsets of one size compared by their sorted member lists.
    private static string LexicographicKey(int mask, int modalityCount) =>
        string.Concat(Enumerable.Range(0, modalityCount).Where(m => (mask & (1 << m)) != 0).Select(m => (char)('a' + m)));
}
