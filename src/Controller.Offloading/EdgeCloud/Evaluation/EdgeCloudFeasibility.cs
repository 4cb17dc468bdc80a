using Controller.Contracts;
using Controller.Offloading.EdgeCloud.Environments;

namespace Controller.Offloading.EdgeCloud.Evaluation;

/// <summary>A simple plan the feasibility judge replays over a whole window, one rule for every request.</summary>
public enum EdgeCloudPlan
{
    /// <summary>The structurally allowed action of least expected device energy (ties: lowest index).</summary>
    LeastEnergy,

    /// <summary>The budget mask's fallback (<see cref="EdgeCloudEnvironment.Fallback"/>): least expected energy/spend share over the rest of the window.</summary>
    Fallback,

    /// <summary>The structurally allowed action of least expected latency (the <c>min-latency</c> rule without the budget mask).</summary>
    LeastLatency,
}

/// <summary>What one simple plan realised when it was replayed over one window.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="EnergyJoules">Realised device energy of the window, J.</param>
/// <param name="ExpectedEnergyJoules">Σ of the chosen actions' expected energy (the planner's model), J.</param>
/// <param name="SpendUsd">Realised cloud spend of the window, US$.</param>
/// <param name="Requests">Requests the window held under this plan.</param>
/// <param name="SloMisses">Requests over the latency SLO.</param>
/// <param name="LocalRequests">Requests that ran on the device (chosen local, or cloud/speculative on a down link).</param>
/// <param name="DownLinkRequests">Requests that arrived while the link was down.</param>
/// <param name="MeanSpeedFactor">Mean thermal speed factor at the requests' decision times (1 = cool).</param>
public sealed record EdgeCloudPlanTotals(
    EdgeCloudPlan Plan,
    double EnergyJoules,
    double ExpectedEnergyJoules,
    double SpendUsd,
    int Requests,
    int SloMisses,
    int LocalRequests,
    int DownLinkRequests,
    double MeanSpeedFactor);

/// <summary>
/// Whether some simple plan keeps one window within budget (see <see cref="EdgeCloudFeasibility"/> for the definition).
/// </summary>
/// <param name="Plans">The replayed plans, in <see cref="EdgeCloudPlan"/> order.</param>
/// <param name="EnergyFeasible">Some plan's realised energy was within the energy budget.</param>
/// <param name="SloFeasible">Some plan missed the SLO no more often than allowed.</param>
/// <param name="JointlyFeasible">One plan met the energy, spend and SLO budgets at once.</param>
public sealed record EdgeCloudWindowFeasibility(IReadOnlyList<EdgeCloudPlanTotals> Plans, bool EnergyFeasible, bool SloFeasible, bool JointlyFeasible)
{
    /// <summary>Always true: running every request locally spends $0 (the simulator charges nothing for local runs).</summary>
    public bool SpendFeasible => true;

    /// <summary>The plan with the least realised energy.</summary>
    public EdgeCloudPlanTotals LeastEnergy => Plans.MinBy(p => p.EnergyJoules)!;

    /// <summary>Judges a window from its replayed plans.</summary>
    /// <exception cref="ArgumentException">No plans, or a plan's totals are not finite and non-negative.</exception>
    public static EdgeCloudWindowFeasibility Judge(IReadOnlyList<EdgeCloudPlanTotals> plans, EdgeCloudEnvironmentOptions options)
    {
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
                && p.SloMisses <= options.SloMissesPerWindow));
    }
}

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

/// <summary>
/// Per-window feasibility: could any simple plan have kept this window within its budgets? The windows a method
/// plays continue one device timeline (heat, channel, the position in the request sequence), so a window's start
/// state depends on that method's earlier choices. The judge therefore works from <b>the method's own start
/// state</b>: it rebuilds it exactly by replaying, on a fresh copy of the device (same seed), the actions the method
/// took in the device's earlier windows — the environment is deterministic given the seed and the actions — and
/// then plays the window once per <see cref="EdgeCloudPlan"/> with the budget mask off (so every plan may overrun).
/// Window 0 starts from the same state for every method, so its judgement is shared; later windows may differ
/// between methods by a few requests, seconds of channel trace and degrees of heat.
/// <para>
/// A window is <b>energy-feasible</b> when some plan's realised energy is within the energy budget,
/// <b>SLO-feasible</b> when some plan misses the SLO at most the allowed number of times, always spend-feasible (all
/// local spends $0), and <b>jointly feasible</b> when one plan meets all three at once. The outcome noise follows the
/// replay's own random stream, which starts where the method's did (common random numbers at the window start).
/// </para>
/// <para>
/// This is a <b>heuristic, not a lower bound</b>. "Feasible" is sound for that realisation: a plan did it (a witness).
/// "Infeasible" only says that none of three simple plans did: a cleverer policy might still fit, e.g. by mixing
/// actions, by timing requests around link outages, or because a different noise draw would have let it (the plans
/// are judged on one realised draw). A sound bound on the expected energy of every policy is harder than it looks:
/// fewer, slower answers mean fewer requests in the window, and the channel and the heat a request meets depend on
/// when it runs, so per-request minima over actions are not enough (docs/edge-cloud.md, "Feasible windows").
/// </para>
/// </summary>
public static class EdgeCloudFeasibility
{
    /// <summary>The plans a window is judged with, in order.</summary>
    public static IReadOnlyList<EdgeCloudPlan> Plans { get; } = [EdgeCloudPlan.LeastEnergy, EdgeCloudPlan.Fallback, EdgeCloudPlan.LeastLatency];

    /// <summary>
    /// Judges window <c>earlierWindows.Count</c> of the device with seed <paramref name="deviceSeed"/>, reached by the
    /// recorded actions <paramref name="earlierWindows"/> (one list per earlier window, in order).
    /// </summary>
    /// <param name="unmasked">An environment with the evaluation's world and options but <see cref="EdgeCloudEnvironmentOptions.MaskOverBudget"/> off; it is reset and reused.</param>
    /// <param name="deviceSeed">The device's seed (the first window's <see cref="EdgeCloudEnvironment.Reset"/> seed).</param>
    /// <param name="earlierWindows">The method's actions in each earlier window of this device.</param>
    /// <exception cref="ArgumentException">The environment masks over-budget actions.</exception>
    /// <exception cref="InvalidOperationException">The replay of the earlier windows diverged from the recorded ones.</exception>
    public static EdgeCloudWindowFeasibility JudgeWindow(EdgeCloudEnvironment unmasked, int deviceSeed, IReadOnlyList<IReadOnlyList<int>> earlierWindows)
    {
        ArgumentNullException.ThrowIfNull(unmasked);
        ArgumentNullException.ThrowIfNull(earlierWindows);
        if (unmasked.Options.MaskOverBudget)
        {
            throw new ArgumentException("the feasibility judge needs an environment without the budget mask", nameof(unmasked));
        }

        var plans = new List<EdgeCloudPlanTotals>(Plans.Count);
        foreach (var plan in Plans)
        {
            ReplayEarlierWindows(unmasked, deviceSeed, earlierWindows);
            plans.Add(Play(unmasked, earlierWindows.Count == 0 ? deviceSeed : null, plan));
        }

        return EdgeCloudWindowFeasibility.Judge(plans, unmasked.Options);
    }

    /// <summary>Plays one window with <paramref name="plan"/> from the environment's current state (<paramref name="seed"/> as in <see cref="EdgeCloudEnvironment.Reset"/>).</summary>
    public static EdgeCloudPlanTotals Play(EdgeCloudEnvironment environment, int? seed, EdgeCloudPlan plan)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var spec = environment.Spec;
        var observation = new float[spec.ObservationSize];
        var mask = new bool[spec.ActionCount];
        var costs = new float[spec.CostCount];
        environment.Reset(seed, observation, mask);
        double expected = 0;
        double speed = 0;
        int local = 0;
        int down = 0;
        var done = false;
        while (!done)
        {
            var decision = environment.Decision;
            var action = Choose(environment, mask, plan);
            expected += decision.ExpectedEnergyJoules(action);
            speed += decision.SpeedFactor;
            down += decision.Channel.IsUp ? 0 : 1;
            done = environment.Step(action, observation, mask, costs).Done;
            local += environment.LastOutcome.Location == Location.Local ? 1 : 0;
        }

        var n = environment.WindowRequests;
        return new EdgeCloudPlanTotals(plan, environment.WindowEnergyJoules, expected, environment.WindowSpendUsd, n, environment.WindowSloMisses,
            local, down, speed / n);
    }

    /// <summary>The action <paramref name="plan"/> takes for the pending request among those <paramref name="mask"/> allows.</summary>
    public static int Choose(EdgeCloudEnvironment environment, ReadOnlySpan<bool> mask, EdgeCloudPlan plan)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (plan == EdgeCloudPlan.Fallback)
        {
            return environment.Fallback;
        }

        var decision = environment.Decision;
        var best = environment.Fallback;
        var bestValue = double.PositiveInfinity;
        for (var a = 0; a < mask.Length; a++)
        {
            var value = plan == EdgeCloudPlan.LeastEnergy ? decision.ExpectedEnergyJoules(a) : decision.ExpectedLatencyMs(a);
            if (mask[a] && value < bestValue)
            {
                bestValue = value;
                best = a;
            }
        }

        return best;
    }

    /// <summary>True when the window is over its energy budget.</summary>
    public static bool OverEnergy(EdgeCloudWindowResult window, EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        return window.EnergyJoules > options.EnergyBudgetJoules;
    }

    /// <summary>True when the window is over its energy, spend or SLO budget.</summary>
    public static bool OverAny(EdgeCloudWindowResult window, EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        return window.EnergyJoules > options.EnergyBudgetJoules || window.SpendUsd > options.SpendBudgetUsd || window.SloMisses > options.SloMissesPerWindow;
    }

    /// <summary>
    /// The feasibility-aware shares of <paramref name="windows"/>. A window without a judgement counts as feasible, so
    /// without judgements the "feasible windows" shares equal the plain ones.
    /// </summary>
    public static EdgeCloudFeasibilityShares Shares(IReadOnlyList<EdgeCloudWindowResult> windows, EdgeCloudEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(options);
        if (windows.Count == 0)
        {
            return new EdgeCloudFeasibilityShares(0, 0, 0, 0, 0, 0);
        }

        var feasible = windows.Where(w => w.Feasibility?.JointlyFeasible != false).ToList();
        var energyFeasible = windows.Where(w => w.Feasibility?.EnergyFeasible != false).ToList();
        var n = (double)windows.Count;
        return new EdgeCloudFeasibilityShares(
            (windows.Count - feasible.Count) / n,
            (windows.Count - energyFeasible.Count) / n,
            feasible.Count,
            energyFeasible.Count,
            feasible.Count == 0 ? 0 : feasible.Count(w => OverAny(w, options)) / (double)feasible.Count,
            energyFeasible.Count == 0 ? 0 : energyFeasible.Count(w => OverEnergy(w, options)) / (double)energyFeasible.Count);
    }

    private static void ReplayEarlierWindows(EdgeCloudEnvironment environment, int deviceSeed, IReadOnlyList<IReadOnlyList<int>> earlierWindows)
    {
        var spec = environment.Spec;
        var observation = new float[spec.ObservationSize];
        var mask = new bool[spec.ActionCount];
        var costs = new float[spec.CostCount];
        for (var w = 0; w < earlierWindows.Count; w++)
        {
            environment.Reset(w == 0 ? deviceSeed : null, observation, mask);
            var actions = earlierWindows[w];
            for (var i = 0; i < actions.Count; i++)
            {
                var done = environment.Step(actions[i], observation, mask, costs).Done;
                if (done != (i == actions.Count - 1))
                {
                    throw new InvalidOperationException($"replaying window {w} of device seed {deviceSeed} diverged at request {i} of {actions.Count}");
                }
            }

            if (actions.Count == 0)
            {
                throw new InvalidOperationException($"window {w} of device seed {deviceSeed} has no recorded actions");
            }
        }
    }
}
