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
}
