namespace Controller.Training.Tmo.Baselines;

/// <summary>The best action sequences for one dialogue.</summary>
/// <param name="Best">Highest total reward over every action sequence.</param>
/// <param name="BestReward">Its total reward.</param>
/// <param name="BestFeasible">Highest total reward among sequences within both budgets; all local when none is.</param>
/// <param name="BestFeasibleReward">Its total reward (−∞ when no sequence fits).</param>
public sealed record OraclePlan(int[] Best, double BestReward, int[] BestFeasible, double BestFeasibleReward);
