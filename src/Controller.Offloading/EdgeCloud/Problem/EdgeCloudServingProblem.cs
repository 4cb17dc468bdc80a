namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// The edge–cloud problem as a policy was trained on it, which the serving side must reproduce: the window budgets its
/// fractions and mask refer to, K, and whether the budget mask was on.
/// </summary>
/// <param name="Budgets">The training window's budgets.</param>
/// <param name="MaxDraftLength">K of the action space.</param>
/// <param name="MaskOverBudget">True when the budget mask was on in training.</param>
public sealed record EdgeCloudServingProblem(WindowBudgets Budgets, int MaxDraftLength, bool MaskOverBudget);
