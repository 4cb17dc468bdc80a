using Controller.Learning.Algorithms;
using Controller.Training.Tests.Tmo.Datasets;
using Controller.Training.Tmo.Baselines;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Training.Tests.Tmo.Baselines;

public sealed class BaselineTests
{
    [Fact]
    public void Local_AnyDialogue_LatencyAndUsageExactlyLocalProfile()
    {
        var dataset = Tests.Tmo.Environments.TmoFixtures.Synthetic(turns: 4);
        var environment = Tests.Tmo.Environments.TmoFixtures.Environment(dataset);

        var result = EpisodeRunner.Run(environment, new LocalPolicy(), dataset.Dialogues[0]);

        // Jetson TX2 from the reference table, by hand: 1.52e10 FLOPs / 1330 GFLOPS = 0.0114285714 s per
        // call; × 15 W × 4.633e-8 $/J = 7.9422857e-9 $ per call; four turns.
        var device = TmoDeviceProfile.Default;
        Assert.Equal(4 * device.LocalLatencyS, result.TotalLatencyS);
        Assert.Equal(4 * device.LocalUsageUsd, result.TotalUsageUsd);
        Assert.Equal(0.0457142857, result.TotalLatencyS, 1e-9);
        Assert.Equal(3.17691429e-8, result.TotalUsageUsd, 1e-15);
        Assert.All(result.Actions, a => Assert.Equal(0, a));
    }

    [Fact]
    public void Cloud_Unmasked_NeverLocal()
    {
        var dataset = Tests.Tmo.Environments.TmoFixtures.Synthetic();
        var environment = Tests.Tmo.Environments.TmoFixtures.Environment(dataset, options: new TmoEnvironmentOptions { MaskOverBudget = false });

        var result = EpisodeRunner.Run(environment, new CloudPolicy(seed: 1), dataset.Dialogues[0]);

        Assert.All(result.Actions, a => Assert.NotEqual(0, a));
    }

    [Fact]
    public void GreedyBudgetAware_4G_StaysWithinBudgets()
    {
        var dataset = Tests.Tmo.Environments.TmoFixtures.Synthetic(dialogues: 6);
        var environment = Tests.Tmo.Environments.TmoFixtures.Environment(dataset);

        foreach (var dialogue in dataset.Dialogues)
        {
            var result = EpisodeRunner.Run(environment, new GreedyPolicy(budgetAware: true), dialogue);
            Assert.InRange(result.TotalLatencyS, 0, 30);
            Assert.InRange(result.TotalUsageUsd, 0, 0.05);
        }
    }

    [Fact]
    public void GreedyBudgetRespecting_EveryTurn_ChoosesHighestEstimatedRewardAmongMaskedActions()
    {
        var dataset = Tests.Tmo.Environments.TmoFixtures.Synthetic(dialogues: 6);
        var environment = Tests.Tmo.Environments.TmoFixtures.Environment(dataset);
        var policy = new GreedyPolicy(budgetAware: true);
        var spec = environment.Spec;
        var observation = new float[spec.ObservationSize];
        var mask = new bool[spec.ActionCount];
        var costs = new float[spec.CostCount];
        var rewards = new double[spec.ActionCount];
        foreach (var dialogue in dataset.Dialogues)
        {
            environment.ResetTo(dialogue, observation, mask);
            for (var turn = 0; turn < dialogue.Turns.Count; turn++)
            {
                environment.EstimateRewards(rewards);
                var best = Enumerable.Range(0, mask.Length).Where(a => mask[a]).Max(a => rewards[a]);
                var action = policy.ChooseAction(environment, observation, mask);
                Assert.True(mask[action]);
                Assert.Equal(best, rewards[action]);
                environment.Step(action, observation, mask, costs);
            }
        }
    }

    [Fact]
    public void Oracle_SyntheticCountSearch_MatchesBruteForceOverEverySequence()
    {
        var dataset = Tests.Tmo.Environments.TmoFixtures.Synthetic(dialogues: 1, turns: 3);
        var environment = Tests.Tmo.Environments.TmoFixtures.Environment(dataset, options: new TmoEnvironmentOptions { MaskOverBudget = false });
        var plan = new OracleSearch(environment.Problem, environment.Options).Plan(dataset.Dialogues[0]);

        var best = double.NegativeInfinity;
        var bestFeasible = double.NegativeInfinity;
        foreach (var sequence in Sequences(9, 3))
        {
            var result = EpisodeRunner.Run(environment, new FixedPolicy(sequence), dataset.Dialogues[0]);
            best = Math.Max(best, result.TotalReward);
            if (result.TotalLatencyS <= 30 && result.TotalUsageUsd <= 0.05)
            {
                bestFeasible = Math.Max(bestFeasible, result.TotalReward);
            }
        }

        Assert.Equal(best, plan.BestReward, 9);
        Assert.Equal(bestFeasible, plan.BestFeasibleReward, 9);
    }

    [M4A1Theory]
    [InlineData("4g")]
    [InlineData("wired")]
    public void Oracle_M4A1_AtLeastEveryMethodOnEveryDialogueAndFeasibleNeverViolates(string network)
    {
        // Every dialogue (up to 5 turns, 9^5 sequences each), two seeds, every baseline and a learned
        // RC-PPO policy per seed (briefly trained: the bound must hold for any policy, good or not).
        var dataset = TmoDataset.LoadM4A1(M4A1Files.DatasetPath);
        var root = Path.Combine(Path.GetTempPath(), $"tmo-oracle-{Guid.NewGuid():N}");
        try
        {
            int[] seeds = [0, 1];
            foreach (var seed in seeds)
            {
                TmoTrainer.Train(new TmoTrainingRequest(dataset, LearnerKind.Parse("rc-ppo"), TmoDeviceProfile.Default, TmoNetworkProfile.Get(network), new TmoEnvironmentOptions(), 2048, seed, root, "learned"));
            }

            var settings = new EvaluationSettings(seeds, TmoDeviceProfile.Default, TmoNetworkProfile.Get(network), new TmoEnvironmentOptions());
            var report = TmoEvaluator.Run(dataset, settings, [.. BaselineCatalog.Resolve("all"), LearnedPolicyMethods.Create(Path.Combine(root, "learned"))]);

            Assert.Contains(report.Seeds, r => r.Method.StartsWith("RC-PPO", StringComparison.Ordinal));
            Assert.Contains(report.Seeds, r => r.Dialogues.Any(d => d.Actions.Count == 5));
            foreach (var seed in seeds)
            {
                var ofSeed = report.Seeds.Where(r => r.Seed == seed).ToList();
                var oracle = ofSeed.Single(r => r.Method == "Oracle").Dialogues.ToDictionary(d => d.DialogueId);
                var feasible = ofSeed.Single(r => r.Method == "Oracle (budget-feasible)").Dialogues.ToDictionary(d => d.DialogueId);
                Assert.All(feasible.Values, d => Assert.True(WithinBudgets(d), $"seed {seed}: the feasible oracle is over budget on dialogue {d.DialogueId}"));
                foreach (var method in ofSeed)
                {
                    foreach (var dialogue in method.Dialogues)
                    {
                        Assert.True(oracle[dialogue.DialogueId].TotalReward >= dialogue.TotalReward - 1e-9, $"seed {seed}: {method.Method} beats the oracle on dialogue {dialogue.DialogueId}");
                        Assert.True(!WithinBudgets(dialogue) || feasible[dialogue.DialogueId].TotalReward >= dialogue.TotalReward - 1e-9, $"seed {seed}: {method.Method} beats the feasible oracle within budget on dialogue {dialogue.DialogueId}");
                    }
                }
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        static bool WithinBudgets(DialogueResult d) => BudgetComparison.Within(d.TotalLatencyS, 30) && BudgetComparison.Within(d.TotalUsageUsd, 0.05);
    }

    [Fact]
    public void Resolve_UnknownBaseline_ListsKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => BaselineCatalog.Resolve("local,psychic"));

        Assert.Contains("unknown baseline 'psychic'", error.Message);
        Assert.Contains("oracle-feasible", error.Message);
    }

    [Fact]
    public void Bandits_RepeatedDialogues_LearnWithoutViolatingMaskContract()
    {
        var dataset = Tests.Tmo.Environments.TmoFixtures.Synthetic(dialogues: 8);
        var environment = Tests.Tmo.Environments.TmoFixtures.Environment(dataset, options: new TmoEnvironmentOptions { MaskOverBudget = false });
        ITmoPolicy[] bandits =
        [
            new EpsilonGreedyPolicy(4, 9, seed: 0),
            new Ucb1Policy(4, 9),
            new LinUcbPolicy(4, 9),
            new ThompsonSamplingPolicy(4, 9, seed: 0),
        ];

        foreach (var bandit in bandits)
        {
            var rewards = dataset.Dialogues.Concat(dataset.Dialogues).Select(d => EpisodeRunner.Run(environment, bandit, d).MeanReward).ToList();
            Assert.All(rewards, r => Assert.True(double.IsFinite(r), $"{bandit.Name} produced {r}"));
        }
    }

    private static IEnumerable<int[]> Sequences(int actions, int length)
    {
        var total = (int)Math.Pow(actions, length);
        for (var index = 0; index < total; index++)
        {
            var sequence = new int[length];
            var rest = index;
            for (var t = 0; t < length; t++)
            {
                sequence[t] = rest % actions;
                rest /= actions;
            }

            yield return sequence;
        }
    }

    private sealed class FixedPolicy(int[] sequence) : StatelessPolicy
    {
        public override string Name => "fixed";

        public override int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask) => sequence[environment.Turn];
    }
}
