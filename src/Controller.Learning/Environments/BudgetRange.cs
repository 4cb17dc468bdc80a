namespace Controller.Learning.Environments;

/// <summary>Per-episode budget of one cost, drawn uniformly from [<see cref="Min"/>, <see cref="Max"/>] at each reset (equal bounds fix it).</summary>
/// <param name="CostName">Name of the cost in the wrapped environment's spec.</param>
/// <param name="Min">Smallest budget, in the cost's own unit.</param>
/// <param name="Max">Largest budget, in the cost's own unit.</param>
public sealed record BudgetRange(string CostName, double Min, double Max);
