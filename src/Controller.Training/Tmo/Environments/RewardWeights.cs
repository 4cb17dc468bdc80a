namespace Controller.Training.Tmo.Environments;

/// <summary>Weights of TMO's reward r = α·R̂ + β_A·Ā − β_L·L̄ − β_U·Ū.</summary>
/// <param name="Alpha">α, weight of the estimated response score R̂ (TMO default 1).</param>
/// <param name="Association">β_A, weight of the normalised association Ā (TMO default 1/3).</param>
/// <param name="Latency">β_L, weight of the normalised latency L̄ (TMO default 1/3).</param>
/// <param name="Usage">β_U, weight of the normalised usage Ū (TMO default 1/3).</param>
public sealed record RewardWeights(double Alpha = 1.0, double Association = 1.0 / 3, double Latency = 1.0 / 3, double Usage = 1.0 / 3)
{
    /// <summary>TMO's defaults.</summary>
    public static RewardWeights Default { get; } = new();

    /// <summary>r = α·score + β_A·association − β_L·latency − β_U·usage, all already normalised.</summary>
    public double Combine(double score, double normalisedAssociation, double normalisedLatency, double normalisedUsage) =>
        Alpha * score + Association * normalisedAssociation - Latency * normalisedLatency - Usage * normalisedUsage;
}
