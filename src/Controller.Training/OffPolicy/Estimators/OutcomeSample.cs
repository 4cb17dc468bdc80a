namespace Controller.Training.OffPolicy.Estimators;

/// <summary>What an estimator reads for one outcome, one entry per logged decision.</summary>
/// <param name="Weights">Importance weights wᵢ = π(aᵢ|xᵢ) / μᵢ (after any cap).</param>
/// <param name="Outcomes">The observed outcome yᵢ.</param>
/// <param name="DirectPredictions">Σₐ π(a|xᵢ) q̂(xᵢ, a): the outcome model's prediction of the target's value at xᵢ; null
/// when no outcome model was fitted.</param>
/// <param name="LoggedPredictions">q̂(xᵢ, aᵢ): the model's prediction for the logged action; null with no model.</param>
public sealed record OutcomeSample(double[] Weights, double[] Outcomes, double[]? DirectPredictions = null, double[]? LoggedPredictions = null)
{
    public int Count => Outcomes.Length;
}
