namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>Window shares of one method on one seed that take feasibility into account.</summary>
/// <param name="InfeasibleShare">Share of windows that are not jointly feasible.</param>
/// <param name="EnergyInfeasibleShare">Share of windows that are not energy-feasible.</param>
/// <param name="FeasibleWindows">Jointly feasible windows (windows without a judgement count as feasible).</param>
/// <param name="EnergyFeasibleWindows">Energy-feasible windows.</param>
/// <param name="OverAnyFeasibleShare">Share of the jointly feasible windows over any budget; 0 when there are none.</param>
/// <param name="OverEnergyFeasibleShare">Share of the energy-feasible windows over the energy budget; 0 when there are none.</param>
public readonly record struct EdgeCloudFeasibilityShares(
    double InfeasibleShare,
    double EnergyInfeasibleShare,
    int FeasibleWindows,
    int EnergyFeasibleWindows,
    double OverAnyFeasibleShare,
    double OverEnergyFeasibleShare);
