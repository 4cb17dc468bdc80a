namespace Controller.Training.OffPolicy.OutcomeModels;

/// <summary>
/// q̂(x, a) = the mean outcome of the training records that took a, whatever the context (the overall mean for an
/// action never taken). Ignores the context, so it is a weak model — which is the point where it is used: DR must stay
/// unbiased with a poor model, and with this one every DR term can be computed by hand.
/// </summary>
public sealed class ActionMeanOutcomeModel : IOutcomeModelTrainer
{
    public string Name => "per-action mean";

    public IOutcomeModel Fit(IReadOnlyList<LoggedDecision> training, OutcomeColumn outcome, int actionCount)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0)
        {
            throw new OffPolicyInputException($"outcome model '{Name}' for {outcome.Name}: no training records");
        }

        var sums = new double[actionCount];
        var counts = new int[actionCount];
        foreach (var d in training)
        {
            sums[d.Action] += outcome.Of(d);
            counts[d.Action]++;
        }

        var overall = sums.Sum() / training.Count;
        var means = sums.Select((s, a) => counts[a] > 0 ? s / counts[a] : overall).ToArray();
        return new Fitted(means);
    }

    private sealed class Fitted(double[] means) : IOutcomeModel
    {
        public double[] Predict(IReadOnlyList<OutcomeQuery> queries) => [.. queries.Select(q => means[q.Action])];
    }
}
