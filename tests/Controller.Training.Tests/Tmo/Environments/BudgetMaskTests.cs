using Controller.Training.Tests.Tmo.Datasets;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Environments;

public sealed class BudgetMaskTests
{
    /// <summary>
    /// Every device × network with budgets just above what all-Local needs over the longest dialogue
    /// (the tightest budgets any policy can meet), then 1.5× and 3× that: a policy that picks uniformly
    /// among the allowed actions must never end a dialogue over either budget.
    /// </summary>
    [Fact]
    public void RandomMaskedPolicy_TightBudgetsEveryProfile_NeverOverBudget()
    {
        var dataset = TmoFixtures.Synthetic(dialogues: 6, turns: 5);
        var random = new Random(7);
        foreach (var device in TmoDeviceProfile.All)
        {
            foreach (var network in TmoNetworkProfile.All.Where(n => n.Name != "linear"))
            {
                var problem = TmoProblem.Create(dataset, dataset.Dialogues, device, network);
                var local = ModalityActionSpace.Local;
                foreach (var slack in new[] { 1.0001, 1.5, 3.0 })
                {
                    var options = new TmoEnvironmentOptions
                    {
                        LatencyBudgetS = problem.Costs.LatencyS(local) * dataset.MaxTurns * slack,
                        UsageBudgetUsd = Math.Max(problem.Costs.UsageUsd(local) * dataset.MaxTurns * slack, problem.Costs.UsageUsd(1) * slack),
                    };
                    var environment = new TmoEnvironment(problem, dataset.Dialogues, options);
                    foreach (var dialogue in dataset.Dialogues)
                    {
                        PlayRandomly(environment, dialogue, random);
                        Assert.True(BudgetComparison.Within(environment.SpentLatencyS, options.LatencyBudgetS),
                            $"{device.Name}/{network.Name} ×{slack}: latency {environment.SpentLatencyS} over {options.LatencyBudgetS}");
                        Assert.True(BudgetComparison.Within(environment.SpentUsageUsd, options.UsageBudgetUsd),
                            $"{device.Name}/{network.Name} ×{slack}: usage {environment.SpentUsageUsd} over {options.UsageBudgetUsd}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// The reviewer's counterexample: reserving the cheapest latency and the cheapest usage separately
    /// let an expensive first call through, after which usage masked every cloud action and four Local
    /// turns overran the latency budget. Reserving Local's cost masks that first call.
    /// </summary>
    [M4A1Fact]
    public void Mask_SlowDeviceTightUsage_ReservesLocalForLaterTurns()
    {
        var dataset = TmoDataset.LoadM4A1(M4A1Files.DatasetPath);
        var problem = TmoProblem.Create(dataset, dataset.Dialogues, TmoDeviceProfile.Get("raspberry-pi-4b"), TmoNetworkProfile.Get("4g"));
        var options = new TmoEnvironmentOptions { LatencyBudgetS = 22, UsageBudgetUsd = 0.014 };
        var environment = new TmoEnvironment(problem, dataset.Dialogues, options);
        var dialogue = dataset.Dialogues.First(d => d.Turns.Count == 5);
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        environment.ResetTo(dialogue, observation, mask);

        var allViews = environment.Spec.ActionCount - 1;
        var localLatency = problem.Costs.LatencyS(ModalityActionSpace.Local);
        Assert.True(problem.Costs.LatencyS(allViews) + (4 * localLatency) > options.LatencyBudgetS, "the counterexample's premise");
        Assert.False(mask[allViews]);
        Assert.True(mask[ModalityActionSpace.Local]);
    }

    private static void PlayRandomly(TmoEnvironment environment, TmoDialogue dialogue, Random random)
    {
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        var costs = new float[environment.Spec.CostNames.Count];
        environment.ResetTo(dialogue, observation, mask);
        for (var turn = 0; turn < dialogue.Turns.Count; turn++)
        {
            var allowed = Enumerable.Range(0, mask.Length).Where(a => mask[a]).ToArray();
            Assert.Contains(ModalityActionSpace.Local, allowed);
            environment.Step(allowed[random.Next(allowed.Length)], observation, mask, costs);
        }
    }
}
