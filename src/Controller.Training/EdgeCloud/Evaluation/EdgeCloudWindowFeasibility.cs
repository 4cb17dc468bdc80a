using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>
/// Whether some simple plan keeps one window within budget (see <see cref="EdgeCloudFeasibility"/> for the definition).
/// </summary>
/// <param name="Plans">The replayed plans, in <see cref="EdgeCloudPlan"/> order.</param>
/// <param name="EnergyFeasible">Some plan's realised energy (or, after <see cref="WithWitness"/>, the method's) was within the energy budget.</param>
/// <param name="SloFeasible">Some plan (or the method) missed the SLO no more often than allowed.</param>
/// <param name="JointlyFeasible">One plan (or the method) met the energy, spend and SLO budgets at once.</param>
public sealed record EdgeCloudWindowFeasibility(IReadOnlyList<EdgeCloudPlanTotals> Plans, bool EnergyFeasible, bool SloFeasible, bool JointlyFeasible)
{
    /// <summary>
    /// A lower bound on the expected window energy of every policy from this window's start state
    /// (<see cref="EdgeCloudFeasibility.EnergyLowerBound"/>), J; 0 when not computed.
    /// </summary>
    public double EnergyLowerBoundJoules { get; init; }

    /// <summary>
    /// True when <see cref="EnergyLowerBoundJoules"/> exceeds the energy budget: no policy can keep the window's
    /// <i>expected</i> energy within budget (a sound statement, unlike <see cref="EnergyFeasible"/>'s "no simple plan did").
    /// </summary>
    public bool EnergyBoundExceeded { get; init; }

    /// <summary>
    /// This judgement with the method's own window as one more witness: the method played the same window from the
    /// same start state, so a budget it met is feasible whatever the simple plans did.
    /// </summary>
    public EdgeCloudWindowFeasibility WithWitness(EdgeCloudWindowResult own, EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(options);
        return this with
        {
            EnergyFeasible = EnergyFeasible || own.EnergyJoules <= options.EnergyBudgetJoules,
            SloFeasible = SloFeasible || own.SloMisses <= options.SloMissesPerWindow,
            JointlyFeasible = JointlyFeasible || !EdgeCloudFeasibility.OverAny(own, options),
        };
    }

    /// <summary>Always true: running every request locally spends $0 (the simulator charges nothing for local runs).</summary>
    public bool SpendFeasible => true;

    /// <summary>The plan with the lowest realised energy (usually <see cref="EdgeCloudPlan.LeastEnergy"/>, not always: that one is greedy per request).</summary>
    public EdgeCloudPlanTotals LowestEnergy => Plans.MinBy(p => p.EnergyJoules)!;

    /// <summary>Judges a window from its replayed plans and (optionally) the energy lower bound of every policy.</summary>
    /// <exception cref="ArgumentException">No plans, a plan's totals are not finite and non-negative, or the bound is not a finite number ≥ 0.</exception>
    public static EdgeCloudWindowFeasibility Judge(IReadOnlyList<EdgeCloudPlanTotals> plans, EdgeCloudEnvironmentOptions options, double energyLowerBoundJoules = 0)
    {
        if (!double.IsFinite(energyLowerBoundJoules) || energyLowerBoundJoules < 0)
        {
            throw new ArgumentException($"the energy lower bound must be a finite number ≥ 0 J; got {energyLowerBoundJoules}", nameof(energyLowerBoundJoules));
        }

        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(options);
        if (plans.Count == 0)
        {
            throw new ArgumentException("a feasibility judgement needs at least one replayed plan", nameof(plans));
        }

        foreach (var p in plans)
        {
            if (p is null || !(p.EnergyJoules >= 0) || !double.IsFinite(p.EnergyJoules) || !(p.SpendUsd >= 0) || !double.IsFinite(p.SpendUsd)
                || p.Requests < 0 || p.SloMisses < 0 || p.SloMisses > p.Requests)
            {
                throw new ArgumentException($"plan totals must be finite and non-negative with misses ≤ requests; got {p}", nameof(plans));
            }
        }

        return new EdgeCloudWindowFeasibility(plans,
            EnergyFeasible: plans.Any(p => p.EnergyJoules <= options.EnergyBudgetJoules),
            SloFeasible: plans.Any(p => p.SloMisses <= options.SloMissesPerWindow),
            JointlyFeasible: plans.Any(p => p.EnergyJoules <= options.EnergyBudgetJoules && p.SpendUsd <= options.SpendBudgetUsd
                && p.SloMisses <= options.SloMissesPerWindow))
        {
            EnergyLowerBoundJoules = energyLowerBoundJoules,
            EnergyBoundExceeded = energyLowerBoundJoules > options.EnergyBudgetJoules,
        };
    }
}
