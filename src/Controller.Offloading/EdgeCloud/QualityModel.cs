using System.Collections.Frozen;

namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Expected answer quality, TMO-like, on M4A1's score scale (judge(candidate) / judge(reference), so
/// ≈ 1 is reference quality). The local model's quality depends on the task; the cloud's rises with the
/// uploaded modalities' relevance with diminishing returns:
/// Q_cloud(S) = Q_text + G·(1 − Π_{i∈S}(1 − r_i)), r_i ∈ [0, 1] the relevance of modality i. Each upload
/// closes a share r_i of the remaining gap, so a second view of the same scene adds less than the first.
/// Speculative decoding keeps the target's output distribution, so its quality is Q_cloud(S).
/// </summary>
public sealed class QualityModel
{
    private readonly FrozenDictionary<string, double> _localByTask;

    /// <param name="localQualityByTask">Local quality per task category (case-insensitive).</param>
    /// <param name="localQualityOtherTasks">Local quality for a task not in the table.</param>
    /// <param name="cloudTextQuality">Q_text, cloud quality with no modality uploaded.</param>
    /// <param name="fullRelevanceGain">G, the cloud's gain when the uploads cover everything the answer needs.</param>
    public QualityModel(IReadOnlyDictionary<string, double> localQualityByTask, double localQualityOtherTasks,
        double cloudTextQuality, double fullRelevanceGain)
    {
        ArgumentNullException.ThrowIfNull(localQualityByTask);
        foreach (var (task, quality) in localQualityByTask)
        {
            RequireNonNegative(quality, $"{nameof(localQualityByTask)}[{task}]");
        }

        RequireNonNegative(localQualityOtherTasks, nameof(localQualityOtherTasks));
        RequireNonNegative(cloudTextQuality, nameof(cloudTextQuality));
        RequireNonNegative(fullRelevanceGain, nameof(fullRelevanceGain));
        _localByTask = localQualityByTask.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        LocalQualityOtherTasks = localQualityOtherTasks;
        CloudTextQuality = cloudTextQuality;
        FullRelevanceGain = fullRelevanceGain;
    }

    /// <summary>
    /// Medians of M4A1's logged scores (refusals — answers containing "sorry", "I don't have" or "can't" —
    /// scored 0, as TMO does): local per task (Assistive System 0.778, Message Editing 0.667, Query 0
    /// — the local model mostly refuses scene questions —, Recommendation 0.472; all tasks 0.556);
    /// cloud text-only 0.889 (85 turns); cloud with images 1.125 (97 turns), so G = 0.236. Cloud medians
    /// are pooled over tasks because per-task cloud samples are 16–27 turns and their medians are not
    /// monotone in images. Computed by the snippet in <c>docs/decision-model.md</c>.
    /// </summary>
    public static QualityModel M4A1Medians { get; } = new(
        new Dictionary<string, double>
        {
            ["Assistive System"] = 0.7778,
            ["Message Editing"] = 0.6667,
            ["Query"] = 0.0,
            ["Recommendation"] = 0.4722,
        },
        localQualityOtherTasks: 0.5556,
        cloudTextQuality: 0.8889,
        fullRelevanceGain: 1.125 - 0.8889);

    public double LocalQualityOtherTasks { get; }

    public double CloudTextQuality { get; }

    public double FullRelevanceGain { get; }

    /// <summary>Expected quality of the local model on <paramref name="taskCategory"/>.</summary>
    public double Local(string taskCategory) =>
        taskCategory is not null && _localByTask.TryGetValue(taskCategory, out double quality) ? quality : LocalQualityOtherTasks;

    /// <summary>Expected cloud (or speculative) quality given the uploads' relevance coverage 1 − Π(1 − r_i) ∈ [0, 1].</summary>
    public double Cloud(double relevanceCoverage) => CloudTextQuality + (FullRelevanceGain * relevanceCoverage);

    /// <summary>1 − Π(1 − r_i): the share of what the answer needs from the scene that the uploads cover.</summary>
    public static double RelevanceCoverage(ReadOnlySpan<double> relevances)
    {
        double missing = 1;
        for (int i = 0; i < relevances.Length; i++)
        {
            double r = relevances[i];
            if (double.IsNaN(r) || r < 0 || r > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(relevances), r, $"Relevance relevances[{i}] must lie in [0, 1].");
            }

            missing *= 1 - r;
        }

        return 1 - missing;
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Quality model: {name} must be a finite number ≥ 0.");
        }
    }
}
