namespace Controller.Offloading.Placement;

/// <summary>The most one request may use before its action is masked; +∞ means the resource does not bind.</summary>
/// <param name="LatencyMs">min(remaining latency budget, the request's SLO), ms.</param>
/// <param name="CloudSpendUsd">Remaining cloud spend, US$.</param>
/// <param name="EnergyJoules">min(remaining energy budget, the device's reported energy budget), J.</param>
public readonly record struct BudgetLimits(double LatencyMs, double CloudSpendUsd, double EnergyJoules)
{
    /// <summary>True when an action with these expected uses stays within every limit.</summary>
    public bool Admits(double latencyMs, double cloudSpendUsd, double energyJoules) =>
        latencyMs <= LatencyMs && cloudSpendUsd <= CloudSpendUsd && energyJoules <= EnergyJoules;

    /// <summary>
    /// How badly a cost would overrun: first how many of the three budgets it exceeds, then the largest ratio of use to
    /// what is left (a budget with nothing left counts as a sliver: 1 ms, $0.000001, 0.001 J). Smaller is better, in
    /// that order: when nothing fits, the action that overruns fewest budgets, and of those the least, is the fallback.
    /// </summary>
    public (int Budgets, double Ratio) Overrun(double latencyMs, double cloudSpendUsd, double energyJoules)
    {
        var budgets = (latencyMs > LatencyMs ? 1 : 0) + (cloudSpendUsd > CloudSpendUsd ? 1 : 0) + (energyJoules > EnergyJoules ? 1 : 0);
        var ratio = Math.Max(latencyMs / Math.Max(LatencyMs, 1), Math.Max(cloudSpendUsd / Math.Max(CloudSpendUsd, 1e-6), energyJoules / Math.Max(EnergyJoules, 1e-3)));
        return (budgets, ratio);
    }
}
