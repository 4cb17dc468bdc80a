using Controller.Training.OffPolicy.OutcomeModels;

namespace Controller.Training.OffPolicy;

/// <summary>How <see cref="OffPolicyEvaluator"/> estimates.</summary>
public sealed record OffPolicyOptions
{
    /// <summary>Names of <see cref="LoggedDecision.Costs"/>, in order. Default <see cref="CostNames.Service"/>
    /// (energy J, cloud US$, latency ms).</summary>
    public IReadOnlyList<string> CostNames { get; init; } = OffPolicy.CostNames.Service;

    /// <summary>
    /// Outcome model behind the doubly robust estimate; null leaves DR out (IPS and SNIPS only). Default ML.NET FastTree
    /// (<see cref="FastTreeOutcomeModel"/> with its default settings).
    /// </summary>
    public IOutcomeModelTrainer? OutcomeModel { get; init; } = new FastTreeOutcomeModel();

    /// <summary>
    /// Cross-fitting folds for the outcome model (see <see cref="CrossFitting"/>). Default 2: each record's prediction comes
    /// from a model fit on the other half. More folds fit on more data per model at proportionally more fits.
    /// </summary>
    public int CrossFitFolds { get; init; } = 2;

    /// <summary>Seed of the fold assignment. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Optional cap M on the importance weights (wᵢ ← min(wᵢ, M)), off (null) by default. A cap trades bias for variance:
    /// it lowers IPS and DR toward zero by the capped mass and the intervals no longer centre on the true value, so use it
    /// only when a few huge weights make the intervals useless, and say so beside the figures.
    /// <see cref="WeightDiagnostics.CappedDecisions"/> counts the records it touched.
    /// </summary>
    public double? WeightCap { get; init; }

    internal void Validate()
    {
        if (CostNames is null || CostNames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("every cost needs a name", nameof(CostNames));
        }

        var duplicate = CostNames.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null || CostNames.Contains(OutcomeColumn.RewardName, StringComparer.Ordinal))
        {
            throw new ArgumentException($"cost names must be distinct and not '{OutcomeColumn.RewardName}'; got {string.Join(", ", CostNames)}", nameof(CostNames));
        }

        if (CrossFitFolds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(CrossFitFolds), CrossFitFolds, "cross-fitting needs at least 2 folds");
        }

        if (WeightCap is { } cap && !(cap > 0 && double.IsFinite(cap)))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightCap), cap, "a weight cap must be positive and finite");
        }
    }
}
