using System.Collections.Frozen;

namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Per-token draft acceptance α for a request. The text-only α comes from the device's running estimate
/// when it has one, else from a per-task prior; uploads the draft cannot see pull it down in proportion
/// to how much they matter: α = α_text·(1 − p·(1 − Π(1 − r_i))), p the image penalty.
/// </summary>
public sealed class AcceptanceModel
{
    /// <summary>
    /// How much lower α is when the request samples at temperature 1 than under greedy decoding. Leviathan, Kalman &amp;
    /// Matias (ICML 2023, Table 3) measure α for the same draft/target pairs at T = 0 and T = 1, and the sampled α is
    /// about 0.1 lower across their pairs (for example T5-small → T5-XXL on translation, 0.75 vs 0.62).
    /// </summary>
    public const double SamplingAlphaPenalty = 0.1;

    private readonly FrozenDictionary<string, double> _priorByTask;

    /// <param name="priorByTask">Text-only α per task category (case-insensitive).</param>
    /// <param name="priorOtherTasks">Text-only α for a task not in the table.</param>
    /// <param name="imagePenalty">p ∈ [0, 1], the relative loss of α when the uploads cover everything the answer needs.</param>
    public AcceptanceModel(IReadOnlyDictionary<string, double> priorByTask, double priorOtherTasks, double imagePenalty)
    {
        ArgumentNullException.ThrowIfNull(priorByTask);
        foreach (var (task, alpha) in priorByTask)
        {
            SpeculativeDecoding.RequireAlpha(alpha, $"{nameof(priorByTask)}[{task}]");
        }

        SpeculativeDecoding.RequireAlpha(priorOtherTasks, nameof(priorOtherTasks));
        SpeculativeDecoding.RequireAlpha(imagePenalty, nameof(imagePenalty));
        _priorByTask = priorByTask.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        PriorOtherTasks = priorOtherTasks;
        ImagePenalty = imagePenalty;
    }

    /// <summary>
    /// Priors inside the reference's 0.5–0.9 range (default 0.7, higher for rewriting/summaries):
    /// Message Editing 0.8 (rewrites the user's own text), Assistive System and Query 0.7,
    /// Recommendation 0.65 (open-ended), other tasks 0.7; image penalty 0.25, so fully relevant
    /// images take α = 0.7 to 0.525. Assumptions until agents report measured acceptance.
    /// </summary>
    public static AcceptanceModel Default { get; } = new(
        new Dictionary<string, double>
        {
            ["Assistive System"] = 0.7,
            ["Message Editing"] = 0.8,
            ["Query"] = 0.7,
            ["Recommendation"] = 0.65,
        },
        priorOtherTasks: 0.7,
        imagePenalty: 0.25);

    public double PriorOtherTasks { get; }

    /// <summary>The per-task text-only priors (case-insensitive keys); <see cref="Acceptance.AcceptanceTable"/> is generated from them.</summary>
    public IReadOnlyDictionary<string, double> PriorByTask => _priorByTask;

    public double ImagePenalty { get; }

    /// <summary>Text-only α prior for <paramref name="taskCategory"/>.</summary>
    public double Prior(string taskCategory) =>
        taskCategory is not null && _priorByTask.TryGetValue(taskCategory, out double alpha) ? alpha : PriorOtherTasks;

    /// <summary>α for a request whose uploads cover <paramref name="relevanceCoverage"/> ∈ [0, 1] of what matters.</summary>
    /// <param name="textAlpha">α with nothing uploaded: the device's estimate or <see cref="Prior"/>.</param>
    public double WithUploads(double textAlpha, double relevanceCoverage) => textAlpha * (1 - (ImagePenalty * relevanceCoverage));
}
