using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Training.Tests.EdgeCloud.Environments;

namespace Controller.Training.Tests.EdgeCloud.Evaluation;

public sealed class EdgeCloudFeasibilityTests
{
    private static readonly EdgeCloudEnvironmentOptions Unmasked = new() { MaskOverBudget = false, Thermal = false };

    private static readonly EdgeCloudEnvironmentOptions Options = new();

    [Fact]
    public void JudgeWindow_TinyEnergyBudget_EveryPlanOverrunsAndTheWindowIsInfeasible()
    {
        // Every request costs far more than 1 J wherever it runs, so no plan can keep a 600 s window within 1 J.
        var environment = EdgeCloudTestWorld.Create(Unmasked with { EnergyBudgetJoules = 1 }, new ChannelState(20, 100, 30, true));

        var judged = EdgeCloudFeasibility.JudgeWindow(environment, deviceSeed: 5, earlierWindows: []);

        Assert.Equal(EdgeCloudFeasibility.Plans, judged.Plans.Select(p => p.Plan));
        Assert.All(judged.Plans, p => Assert.True(p.EnergyJoules > 1, $"{p.Plan} used {p.EnergyJoules} J"));
        Assert.False(judged.EnergyFeasible);
        Assert.False(judged.JointlyFeasible);
        Assert.True(judged.SloFeasible);
        Assert.True(judged.SpendFeasible);
        Assert.True(judged.EnergyBoundExceeded, $"bound {judged.EnergyLowerBoundJoules} J");
        Assert.InRange(judged.EnergyLowerBoundJoules, 1, judged.LowestEnergy.EnergyJoules);
    }

    [Fact]
    public void JudgeWindow_TinySloAllowance_LeastLatencyStillMissesAndTheWindowIsSloInfeasible()
    {
        // A 1 ms SLO: every answer misses it, and a window holds more than one request.
        var environment = EdgeCloudTestWorld.Create(Unmasked with { LatencySloMs = 1, SloMissesPerWindow = 1 }, new ChannelState(20, 100, 30, true));

        var judged = EdgeCloudFeasibility.JudgeWindow(environment, deviceSeed: 5, earlierWindows: []);

        Assert.All(judged.Plans, p => Assert.Equal(p.Requests, p.SloMisses));
        Assert.False(judged.SloFeasible);
        Assert.True(judged.EnergyFeasible);
        Assert.False(judged.JointlyFeasible);
    }

    [Fact]
    public void Evaluator_GenerousBudgets_EveryWindowFeasibleAndFeasibleSharesEqualPlainOnes()
    {
        var options = new EdgeCloudEnvironmentOptions { EnergyBudgetJoules = 1_000_000, SpendBudgetUsd = 1_000, SloMissesPerWindow = 1_000 };
        var settings = new EdgeCloudEvaluationSettings([0], options, DevicesPerSeed: 2, WindowsPerDevice: 2);

        var report = EdgeCloudEvaluator.Run(settings, EdgeCloudMethod.Baselines("cloud,min-latency", options));

        foreach (var seed in report.Seeds)
        {
            Assert.Equal(4, seed.Windows.Count);
            Assert.All(seed.Windows, w => Assert.True(w.Feasibility is { EnergyFeasible: true, SloFeasible: true, JointlyFeasible: true, EnergyBoundExceeded: false }));
            Assert.Equal(0, seed.Metrics[EdgeCloudMetrics.InfeasibleShare]);
            Assert.Equal(seed.Metrics[EdgeCloudMetrics.OverAny], seed.Metrics[EdgeCloudMetrics.OverAnyFeasible]);
            Assert.Equal(seed.Metrics[EdgeCloudMetrics.OverEnergy], seed.Metrics[EdgeCloudMetrics.OverEnergyFeasible]);
        }

        var total = EdgeCloudFeasibilityRow.Summarise(report.Seeds)[^1];
        Assert.Null(total.Network);
        Assert.Equal(("all", 4), (total.DeviceClass, total.Windows));
        Assert.Equal((0, 0), total.JointlyInfeasible);
    }

    [Fact]
    public void JudgeWindow_LaterWindow_ReplaysFromTheMethodsOwnStartState()
    {
        // Play two windows with the least-latency rule directly; judging window 1 from window 0's recorded actions
        // must reproduce window 1 exactly for the same rule (the environment is deterministic given seed and actions).
        var environment = EdgeCloudTestWorld.Create(Unmasked);
        var window0 = new List<int>();
        EdgeCloudTestWorld.PlayWindow(environment, 11, (env, mask) =>
        {
            var action = EdgeCloudFeasibility.Choose(env, mask, EdgeCloudPlan.LeastLatency);
            window0.Add(action);
            return action;
        });
        var window1 = EdgeCloudTestWorld.PlayWindow(environment, null, (env, mask) => EdgeCloudFeasibility.Choose(env, mask, EdgeCloudPlan.LeastLatency));

        var judged = EdgeCloudFeasibility.JudgeWindow(EdgeCloudTestWorld.Create(Unmasked), 11, [window0]);

        var replayed = judged.Plans.Single(p => p.Plan == EdgeCloudPlan.LeastLatency);
        Assert.Equal(window1.Count, replayed.Requests);
        Assert.Equal(window1.Sum(o => o.EnergyJoules), replayed.EnergyJoules, 9);
        Assert.Equal(window1.Count(o => o.SloMiss), replayed.SloMisses);
    }

    [Fact]
    public void BestBound_EveryRequestCostsTenJoulesPlusOneWattOfLatency_IsTheHandComputedMinimum()
    {
        // e_i = c_i = 10 J, θ_i = 5 s, p = 1 W, T = 100 s: a window of N requests holds Σ latency ≥ 100 − 5N s, so any
        // policy spends ≥ 10·N + (100 − 5N) = 100 + 5N J, least at N = 1 (one 95 s answer): 105 J.
        var requests = Enumerable.Range(0, 20).ToList();

        var bound = EdgeCloudFeasibility.BestBound(requests.Select(_ => 10.0).ToList(), requests.Select(_ => 10.0).ToList(),
            requests.Select(_ => 5.0).ToList(), powerWatts: 1, windowSeconds: 100);

        Assert.Equal(105, bound, 9);
    }

    [Fact]
    public void BestBound_OneRequestWithAThinkTimeLongerThanTheWindow_IsItsLeastEnergy()
    {
        var bound = EdgeCloudFeasibility.BestBound([3.0], [0.0], [1_000.0], powerWatts: 1, windowSeconds: 100);

        Assert.Equal(3, bound, 9);
    }

    [Fact]
    public void EnergyLowerBound_TwentyDevicesOnGeneratedTraces_StaysBelowEveryPlansRealisedEnergy()
    {
        // The bound is on expected energy, so a single draw may dip under it by noise; 5 % slack is far more than
        // that, while a wrong power floor or link state would overshoot by much more.
        var environment = EdgeCloudWorld.CreateEnvironment(Unmasked with { Thermal = true });
        for (var seed = 0; seed < 20; seed++)
        {
            var judged = EdgeCloudFeasibility.JudgeWindow(environment, 1_000 + seed, []);

            Assert.True(judged.EnergyLowerBoundJoules > 0, $"seed {seed}: no bound");
            Assert.True(judged.EnergyLowerBoundJoules <= 1.05 * judged.LowestEnergy.EnergyJoules,
                $"seed {seed}: bound {judged.EnergyLowerBoundJoules:F1} J above the lowest plan's {judged.LowestEnergy.EnergyJoules:F1} J");
        }
    }

    [Fact]
    public void BestBound_BadInput_FailsWithAnArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EdgeCloudFeasibility.BestBound([], [], [], 1, 100));
        Assert.Throws<ArgumentException>(() => EdgeCloudFeasibility.BestBound([1.0, 2.0], [0.0], [1.0], 1, 100));
        Assert.Throws<ArgumentException>(() => EdgeCloudFeasibility.BestBound([double.NaN], [0.0], [1.0], 1, 100));
        Assert.Throws<ArgumentException>(() => EdgeCloudFeasibility.BestBound([1.0], [0.0], [1.0], -1, 100));
        Assert.Throws<ArgumentException>(() => EdgeCloudWindowFeasibility.Judge([Plan(100, 0)], Options, double.PositiveInfinity));
    }

    [Fact]
    public void Shares_ConstructedWindows_OverBudgetCountsOnlyFeasibleWindows()
    {
        // Budgets 2000 J / $0.10 / 8 misses. Four judged windows: feasible and over energy, feasible and within,
        // infeasible and over, infeasible and within; plus an unjudged window within budget (counts as feasible).
        var windows = new[]
        {
            Window(2_100, feasible: true),
            Window(1_500, feasible: true),
            Window(2_400, feasible: false),
            Window(1_900, feasible: false),
            new EdgeCloudWindowResult(1_000, 0.05, 30, 0),
        };

        var shares = EdgeCloudFeasibility.Shares(windows, Options);

        Assert.Equal(2 / 5.0, shares.InfeasibleShare, 12);
        Assert.Equal(2 / 5.0, shares.EnergyInfeasibleShare, 12);
        Assert.Equal(3, shares.FeasibleWindows);
        Assert.Equal(1 / 3.0, shares.OverAnyFeasibleShare, 12);
        Assert.Equal(1 / 3.0, shares.OverEnergyFeasibleShare, 12);
    }

    [Fact]
    public void WithWitness_MethodWithinBudgetWhereNoPlanWas_MakesTheWindowFeasible()
    {
        var noPlanFits = Judged(feasible: false);

        var methodFits = noPlanFits.WithWitness(new EdgeCloudWindowResult(1_900, 0.05, 30, 2), Options);
        var methodOver = noPlanFits.WithWitness(new EdgeCloudWindowResult(2_100, 0.05, 30, 2), Options);

        Assert.True(methodFits is { EnergyFeasible: true, JointlyFeasible: true });
        Assert.True(methodOver is { EnergyFeasible: false, JointlyFeasible: false, SloFeasible: true });
    }

    [Fact]
    public void Shares_SloOnlyOverrunInAnEnergyFeasibleWindow_CountsForAnyButNotForEnergy()
    {
        var sloOver = new EdgeCloudWindowResult(1_000, 0.05, 30, 9) { Feasibility = Judged(feasible: true) };
        var within = new EdgeCloudWindowResult(1_000, 0.05, 30, 2) { Feasibility = Judged(feasible: true) };

        var shares = EdgeCloudFeasibility.Shares([sloOver, within], Options);

        Assert.Equal(0.5, shares.OverAnyFeasibleShare, 12);
        Assert.Equal(0, shares.OverEnergyFeasibleShare, 12);
    }

    [Fact]
    public void Shares_NoFeasibleOrNoWindows_ZeroRatherThanNaN()
    {
        var none = EdgeCloudFeasibility.Shares([Window(2_400, feasible: false)], Options);
        var empty = EdgeCloudFeasibility.Shares([], Options);

        Assert.Equal((1.0, 0, 0.0), (none.InfeasibleShare, none.FeasibleWindows, none.OverAnyFeasibleShare));
        Assert.Equal(default, empty);
    }

    [Fact]
    public void Summary_SeedWithoutFeasibleWindows_IsLeftOutOfTheFeasibleShareMean()
    {
        var allInfeasible = Seed(0, [Window(2_400, feasible: false)]);
        var half = Seed(1, [Window(2_100, feasible: true), Window(1_500, feasible: true)]);

        var summary = EdgeCloudMethodSummary.Of("m", [allInfeasible, half], Options);

        Assert.Equal(0.5, summary.Metrics[EdgeCloudMetrics.OverAnyFeasible].Mean, 12);
        Assert.Equal(0.75, summary.Metrics[EdgeCloudMetrics.OverAny].Mean, 12);
    }

    [Fact]
    public void Judge_BadTotals_FailWithAnArgumentExceptionNamingThem()
    {
        Assert.Throws<ArgumentException>(() => EdgeCloudWindowFeasibility.Judge([], Options));
        Assert.Throws<ArgumentException>(() => EdgeCloudWindowFeasibility.Judge([Plan(double.NaN, 0)], Options));
        Assert.Throws<ArgumentException>(() => EdgeCloudWindowFeasibility.Judge([Plan(-1, 0)], Options));
        Assert.Throws<ArgumentException>(() => EdgeCloudWindowFeasibility.Judge([Plan(100, misses: 40)], Options));
        Assert.Throws<ArgumentNullException>(() => EdgeCloudWindowFeasibility.Judge(null!, Options));
    }

    [Fact]
    public void JudgeWindow_BadInput_FailsWithAClearException()
    {
        var masked = EdgeCloudTestWorld.Create(new EdgeCloudEnvironmentOptions());
        Assert.Throws<ArgumentException>(() => EdgeCloudFeasibility.JudgeWindow(masked, 1, []));

        var environment = EdgeCloudTestWorld.Create(Unmasked);
        var tooShort = Assert.Throws<InvalidOperationException>(() => EdgeCloudFeasibility.JudgeWindow(environment, 1, [[0]]));
        Assert.Contains("diverged", tooShort.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => EdgeCloudFeasibility.JudgeWindow(environment, 1, [[]]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EdgeCloudFeasibility.JudgeWindow(environment, 1, [[-1]]));
    }

    [Fact]
    public void Writers_JudgedReport_WriteOneWindowRowPerWindowAndTheFeasibilityTable()
    {
        var settings = new EdgeCloudEvaluationSettings([0], Options with { EnergyBudgetJoules = 1 }, DevicesPerSeed: 1, WindowsPerDevice: 2);
        var report = EdgeCloudEvaluator.Run(settings, EdgeCloudMethod.Baselines("local", settings.Options));

        var lines = EdgeCloudReportWriters.WindowsCsv(report).TrimEnd().Split('\n');
        var markdown = EdgeCloudReportWriters.Markdown(report);
        var json = EdgeCloudReportWriters.JsonText(report);

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("method,seed,device,window,network,device_class,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",1,0,1,0", lines[1].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains("| **all** | all | 2 | 2 | 0 | 2 |", markdown, StringComparison.Ordinal);
        Assert.Contains("\"jointlyInfeasible\"", json, StringComparison.Ordinal);
        Assert.Equal(1.0, report.Summaries[0].Metrics[EdgeCloudMetrics.InfeasibleShare].Mean);
    }

    private static EdgeCloudWindowResult Window(double energy, bool feasible) =>
        new(energy, 0.05, 30, 2) { Feasibility = Judged(feasible) };

    private static EdgeCloudWindowFeasibility Judged(bool feasible) =>
        EdgeCloudWindowFeasibility.Judge([Plan(feasible ? 1_000 : 2_500, 0)], Options);

    private static EdgeCloudPlanTotals Plan(double energy, int misses) => new(EdgeCloudPlan.LeastEnergy, energy, energy, 0.05, 30, misses, 0, 0, 1);

    private static EdgeCloudSeedResult Seed(int seed, IReadOnlyList<EdgeCloudWindowResult> windows)
    {
        var shares = EdgeCloudFeasibility.Shares(windows, Options);
        var metrics = EdgeCloudMetrics.All.ToDictionary(m => m.Key, _ => 0.0);
        metrics[EdgeCloudMetrics.OverAny] = windows.Count(w => EdgeCloudFeasibility.OverAny(w, Options)) / (double)windows.Count;
        metrics[EdgeCloudMetrics.OverAnyFeasible] = shares.OverAnyFeasibleShare;
        metrics[EdgeCloudMetrics.OverEnergyFeasible] = shares.OverEnergyFeasibleShare;
        return new EdgeCloudSeedResult("m", seed, metrics, windows, new Dictionary<NetworkType, long[]>());
    }
}
