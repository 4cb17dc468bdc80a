using Controller.Contracts;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>
/// Infeasible windows of one (network, device class) group. Each method's windows are judged from its own start
/// states (<see cref="EdgeCloudFeasibility"/>), so counts are given as the least and the most over the methods.
/// </summary>
/// <param name="Network">The network; null for the total row.</param>
/// <param name="DeviceClass">The device class; "all" for the total row.</param>
/// <param name="Windows">Windows of the group per method.</param>
/// <param name="EnergyInfeasible">Windows no plan kept within the energy budget (least, most over methods).</param>
/// <param name="SloInfeasible">Windows every plan missed the SLO more often than allowed in.</param>
/// <param name="JointlyInfeasible">Windows no single plan kept within all budgets.</param>
/// <param name="LeastPlanEnergyJoules">Mean over the energy-infeasible windows of all methods of the lowest realised energy among the plans, J (0 when none).</param>
/// <param name="StartSpeedInfeasible">Mean thermal speed factor at the start of the energy-infeasible windows (0 when none).</param>
/// <param name="StartSpeedAll">Mean thermal speed factor at the start of all windows of the group.</param>
/// <param name="DownLinkShareInfeasible">Share of requests on a down link in the lowest-energy replays of the energy-infeasible windows (0 when none).</param>
/// <param name="EnergyBoundExceeded">Windows whose expected-energy lower bound for every policy exceeds the budget (least, most over methods).</param>
/// <param name="BoundShareInfeasible">Mean of lower bound ÷ the lowest plan energy over the energy-infeasible windows (0 when none): how close the bound comes.</param>
public sealed record EdgeCloudFeasibilityRow(
    NetworkType? Network,
    string DeviceClass,
    int Windows,
    (int Least, int Most) EnergyInfeasible,
    (int Least, int Most) SloInfeasible,
    (int Least, int Most) JointlyInfeasible,
    double LeastPlanEnergyJoules,
    double StartSpeedInfeasible,
    double StartSpeedAll,
    double DownLinkShareInfeasible,
    (int Least, int Most) EnergyBoundExceeded,
    double BoundShareInfeasible)
{
    /// <summary>One row per (network, device class) with judged windows, in network then class order, then a total row; empty when nothing was judged.</summary>
    public static IReadOnlyList<EdgeCloudFeasibilityRow> Summarise(IReadOnlyList<EdgeCloudSeedResult> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var judged = seeds.SelectMany(s => s.Windows.Where(w => w.Feasibility is not null).Select(w => (s.Method, Window: w))).ToList();
        if (judged.Count == 0)
        {
            return [];
        }

        var rows = judged.GroupBy(j => (j.Window.Network, j.Window.DeviceClass))
            .OrderBy(g => Order(g.Key.Network)).ThenBy(g => g.Key.DeviceClass, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Network, g.Key.DeviceClass, g.ToList()))
            .ToList();
        rows.Add(Row(null, "all", judged));
        return rows;
    }

    private static EdgeCloudFeasibilityRow Row(NetworkType? network, string deviceClass, IReadOnlyList<(string Method, EdgeCloudWindowResult Window)> windows)
    {
        var byMethod = windows.GroupBy(w => w.Method).Select(g => g.Select(w => w.Window.Feasibility!).ToList()).ToList();
        var energyInfeasible = windows.Where(w => !w.Window.Feasibility!.EnergyFeasible).ToList();
        return new EdgeCloudFeasibilityRow(
            network,
            deviceClass,
            byMethod.Max(m => m.Count),
            Range(byMethod, f => !f.EnergyFeasible),
            Range(byMethod, f => !f.SloFeasible),
            Range(byMethod, f => !f.JointlyFeasible),
            energyInfeasible.Count == 0 ? 0 : energyInfeasible.Average(w => w.Window.Feasibility!.LowestEnergy.EnergyJoules),
            energyInfeasible.Count == 0 ? 0 : energyInfeasible.Average(w => w.Window.StartSpeedFactor),
            windows.Average(w => w.Window.StartSpeedFactor),
            energyInfeasible.Count == 0 ? 0 : DownShare(energyInfeasible.Select(w => w.Window.Feasibility!.LowestEnergy)),
            Range(byMethod, f => f.EnergyBoundExceeded),
            energyInfeasible.Count == 0 ? 0 : energyInfeasible.Average(w => w.Window.Feasibility!.EnergyLowerBoundJoules / w.Window.Feasibility.LowestEnergy.EnergyJoules));
    }

    private static (int, int) Range(List<List<EdgeCloudWindowFeasibility>> byMethod, Func<EdgeCloudWindowFeasibility, bool> infeasible)
    {
        var counts = byMethod.Select(m => m.Count(infeasible)).ToList();
        return (counts.Min(), counts.Max());
    }

    private static double DownShare(IEnumerable<EdgeCloudPlanTotals> plans)
    {
        var list = plans.ToList();
        var requests = list.Sum(p => p.Requests);
        return requests == 0 ? 0 : (double)list.Sum(p => p.DownLinkRequests) / requests;
    }

    private static int Order(NetworkType network)
    {
        var index = EdgeCloudReportWriters.NetworkOrder.ToList().IndexOf(network);
        return index < 0 ? int.MaxValue : index;
    }
}
