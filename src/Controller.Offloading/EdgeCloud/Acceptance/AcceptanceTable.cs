using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.EdgeCloud.Acceptance;

/// <summary>
/// Per-token acceptance α by task, by draft/target pair and by whether images matter, shipped as
/// <c>datasets/edge-cloud/acceptance.csv</c>. <see cref="Default"/> is generated from
/// <see cref="AcceptanceModel.Default"/> (the same priors and image penalty the planner uses) plus
/// per-pair offsets, so the data and the planner cannot disagree; <see cref="ToAcceptanceModel"/> turns
/// one pair's rows back into an <see cref="AcceptanceModel"/>.
/// </summary>
public sealed class AcceptanceTable
{
    /// <summary>Task name of the rows used for a task not in the table.</summary>
    public const string OtherTasks = "(other)";

    private readonly Dictionary<(string Task, string Draft, string Target, bool Images), double> _alpha;

    public AcceptanceTable(IReadOnlyList<AcceptanceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _alpha = new(KeyComparer.Instance);
        foreach (var entry in entries)
        {
            SpeculativeDecoding.RequireAlpha(entry.Alpha, $"{nameof(entries)}[{entry.Task}, {entry.Draft}, {entry.Target}, images={entry.ImagesMatter}]");
            if (!_alpha.TryAdd((entry.Task, entry.Draft, entry.Target, entry.ImagesMatter), entry.Alpha))
            {
                throw new ArgumentException($"Duplicate acceptance row for task '{entry.Task}', pair {entry.Draft} → {entry.Target}, images {entry.ImagesMatter}.", nameof(entries));
            }
        }

        Entries = [.. entries];
    }

    /// <summary>
    /// Extra tasks beyond the planner's: the reference says α is higher for code and summaries (the
    /// output copies or closely follows the input); 0.85 and 0.8 sit inside its 0.5–0.9 range.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ExtraTaskPriors { get; } = new Dictionary<string, double>
    {
        ["Code"] = 0.85,
        ["Summarization"] = 0.8,
    };

    /// <summary>
    /// Same-family Qwen2.5 pairs (the draft vocabulary in <see cref="Devices.DeviceProfiles"/> is Qwen2.5's).
    /// The priors are for a ≈ 0.5B draft and a large target (the reference's 0.7 default); a larger draft
    /// or a smaller target tracks the target better, so +0.05 each (assumption; measured α replaces it).
    /// </summary>
    public static IReadOnlyList<DraftTargetPair> DefaultPairs { get; } =
    [
        new("qwen2.5-0.5b", "qwen2.5-72b", 0),
        new("qwen2.5-1.5b", "qwen2.5-72b", 0.05),
        new("qwen2.5-0.5b", "qwen2.5-7b", 0.05),
        new("qwen2.5-1.5b", "qwen2.5-7b", 0.10),
    ];

    /// <summary>The in-code table the shipped CSV is generated from.</summary>
    public static AcceptanceTable Default { get; } = Generate(AcceptanceModel.Default, ExtraTaskPriors, DefaultPairs);

    public IReadOnlyList<AcceptanceEntry> Entries { get; }

    /// <summary>
    /// Rows for every task × pair × image relevance: text α = prior + offset, kept in the reference's
    /// 0.5–0.9; with images that matter α·(1 − p), p the model's image penalty (the draft cannot see them).
    /// Rounded to 4 decimals, exactly as the CSV stores them.
    /// </summary>
    public static AcceptanceTable Generate(AcceptanceModel model, IReadOnlyDictionary<string, double> extraTasks, IReadOnlyList<DraftTargetPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(extraTasks);
        ArgumentNullException.ThrowIfNull(pairs);
        var priors = model.PriorByTask.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Concat(extraTasks.OrderBy(p => p.Key, StringComparer.Ordinal))
            .Append(new(OtherTasks, model.PriorOtherTasks));
        var entries = new List<AcceptanceEntry>();
        foreach (var (task, prior) in priors)
        {
            foreach (var pair in pairs)
            {
                double text = Math.Clamp(prior + pair.AlphaOffset, 0.5, 0.9);
                entries.Add(new(task, pair.Draft, pair.Target, ImagesMatter: false, Round(text)));
                entries.Add(new(task, pair.Draft, pair.Target, ImagesMatter: true, Round(model.WithUploads(text, relevanceCoverage: 1))));
            }
        }

        return new AcceptanceTable(entries);
    }

    /// <summary>α for <paramref name="task"/> (falls back to <see cref="OtherTasks"/>) on a pair.</summary>
    /// <exception cref="ArgumentException">The pair is not in the table.</exception>
    public double Alpha(string task, string draft, string target, bool imagesMatter)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(target);
        if (_alpha.TryGetValue((task, draft, target, imagesMatter), out double alpha)
            || _alpha.TryGetValue((OtherTasks, draft, target, imagesMatter), out alpha))
        {
            return alpha;
        }

        throw new ArgumentException($"No acceptance rows for the pair {draft} → {target}. Known pairs: {string.Join(", ", Pairs())}.", nameof(draft));
    }

    /// <summary>
    /// The planner's model for one pair: its text-only rows as task priors, and the image penalty
    /// p = 1 − α_images / α_text of its <see cref="OtherTasks"/> rows.
    /// </summary>
    public AcceptanceModel ToAcceptanceModel(string draft, string target)
    {
        double otherText = Alpha(OtherTasks, draft, target, imagesMatter: false);
        double otherImages = Alpha(OtherTasks, draft, target, imagesMatter: true);
        var priors = Entries
            .Where(e => !e.ImagesMatter && e.Task != OtherTasks && Same(e.Draft, draft) && Same(e.Target, target))
            .ToDictionary(e => e.Task, e => e.Alpha, StringComparer.OrdinalIgnoreCase);
        return new AcceptanceModel(priors, otherText, otherText == 0 ? 0 : Math.Clamp(1 - (otherImages / otherText), 0, 1));
    }

    private IEnumerable<string> Pairs() => Entries.Select(e => $"{e.Draft} → {e.Target}").Distinct(StringComparer.OrdinalIgnoreCase);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static double Round(double alpha) => Math.Round(alpha * 10_000) / 10_000;

    private sealed class KeyComparer : IEqualityComparer<(string Task, string Draft, string Target, bool Images)>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals((string Task, string Draft, string Target, bool Images) x, (string Task, string Draft, string Target, bool Images) y) =>
            Same(x.Task, y.Task) && Same(x.Draft, y.Draft) && Same(x.Target, y.Target) && x.Images == y.Images;

        public int GetHashCode((string Task, string Draft, string Target, bool Images) key) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Task),
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Draft),
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Target),
            key.Images);
    }
}
