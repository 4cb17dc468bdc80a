namespace Controller.Learning.Constraints;

/// <summary>A resource constraint: the expected undiscounted episode total of cost <paramref name="CostName"/> must not exceed <paramref name="Budget"/>.</summary>
/// <param name="CostName">Name from <see cref="Environments.EnvironmentSpec.CostNames"/>, e.g. <c>latency_s</c>.</param>
/// <param name="Budget">Per-episode budget in the cost's unit (1 for costs normalised by <see cref="Environments.BudgetConditionedEnvironment"/>).</param>
public sealed record ConstraintBudget(string CostName, double Budget);
