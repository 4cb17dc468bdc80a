namespace Controller.Training.Tmo.Datasets;

/// <summary>One logged turn of an M4A1 dialogue, as stored in the file.</summary>
/// <param name="Question">The user's prompt.</param>
/// <param name="TaskCategory">Task name, e.g. <c>Query</c>.</param>
/// <param name="Cloud">Logged location: false = local LLM, true = cloud LLM.</param>
/// <param name="UploadedViews">Views uploaded with a cloud call, in upload order; empty for local or text only.</param>
/// <param name="Answer">The LLM's reply (used for the refusal check).</param>
/// <param name="Score">Judge score of the reply relative to the reference; ≥ 0.</param>
/// <param name="InteractionTimeS">Measured wall time of the call, seconds.</param>
/// <param name="UsageCostUsd">Logged cost of the call, US dollars.</param>
/// <param name="Association">Prompt–image association score of each view for this turn.</param>
public sealed record M4A1Turn(
    string Question,
    string TaskCategory,
    bool Cloud,
    IReadOnlyList<int> UploadedViews,
    string Answer,
    double Score,
    double InteractionTimeS,
    double UsageCostUsd,
    IReadOnlyList<double> Association)
{
    /// <summary>
    /// True when the answer contains a refusal marker (<c>sorry</c>, <c>I don't have</c>,
    /// <c>can't</c>; case-sensitive, as in the TMO reference), whose score counts as 0.
    /// </summary>
    public bool IsRefusal => RefusalMarkers.Any(marker => Answer.Contains(marker, StringComparison.Ordinal));

    /// <summary>The score the estimator learns: 0 for a refusal, else <see cref="Score"/>.</summary>
    public double EffectiveScore => IsRefusal ? 0.0 : Score;

    private static readonly string[] RefusalMarkers = ["sorry", "I don't have", "can't"];
}
