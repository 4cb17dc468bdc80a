namespace Controller.Training.OffPolicy;

/// <summary>wᵢ = π(aᵢ|xᵢ) / μᵢ per record, with the optional cap, and their diagnostics.</summary>
internal static class ImportanceWeights
{
    public static (double[] Weights, WeightDiagnostics Diagnostics) Of(IReadOnlyList<LoggedDecision> logs, double[][] target, double? cap)
    {
        var weights = new double[logs.Count];
        var capped = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = target[i][logs[i].Action] / logs[i].Propensity;
            if (cap is { } m && w > m)
            {
                w = m;
                capped++;
            }

            weights[i] = w;
        }

        var sum = weights.Sum();
        var sumOfSquares = weights.Sum(w => w * w);
        var diagnostics = new WeightDiagnostics(
            EffectiveSampleSize: sum * sum / sumOfSquares,
            MeanWeight: sum / weights.Length,
            MaxWeight: weights.Max(),
            MatchingDecisions: weights.Count(w => w > 0),
            CappedDecisions: capped,
            WeightCap: cap);
        return (weights, diagnostics);
    }
}
