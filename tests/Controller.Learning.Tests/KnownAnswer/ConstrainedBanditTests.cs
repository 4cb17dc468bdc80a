using System.Diagnostics;
using Controller.Learning.Algorithms;
using Controller.Learning.Backends;
using Controller.Learning.Constraints;
using Controller.Learning.Policies;
using Controller.Learning.Tests.Environments;
using Controller.Learning.Tests.Support;
using Xunit.Abstractions;

namespace Controller.Learning.Tests.KnownAnswer;

/// <summary>
/// The constrained bandit of <see cref="Problems.ConstrainedBandit"/>: the constrained optimum is reward 0.6 at cost 0.3
/// (= budget). RC-PPO and RC-A2C must end within 5% of that reward with mean cost ≤ budget + 2%, averaged over seeds
/// and measured exactly from the final policy; unconstrained PPO must violate the budget.
/// </summary>
public abstract class ConstrainedBanditTests(ITestOutputHelper output)
{
    /// <summary>The backend every learner here trains on; one subclass per backend runs the same bars.</summary>
    protected abstract ITrainingBackend Backend { get; }

    private static readonly int[] Seeds = [1, 2, 3];
    private static readonly ConstraintSettings Budget = new([new ConstraintBudget("spend", Problems.ConstrainedBudget)], MultiplierLearningRate: 0.5);

    [Fact]
    public void RcPpo_ConstrainedBandit_EndsNearConstrainedOptimumWithinBudget()
    {
        var hp = new PpoHyperparameters(LearningRate: 1e-3, StepsPerRollout: 128);
        var (reward, cost) = Train("RC-PPO", seed =>
        {
            var env = Problems.ConstrainedBandit();
            var ppo = new Ppo(new TrainingSetup([env], seed) { Constraints = Budget }, hp, Backend);
            ppo.Learn(128 * 25);
            return (ppo.ExportPolicy(), env);
        });

        AssertNearConstrainedOptimum("RC-PPO", reward, cost);
    }

    [Fact]
    public void RcA2c_ConstrainedBandit_EndsNearConstrainedOptimumWithinBudget()
    {
        var hp = new A2cHyperparameters();
        var settings = Budget with { MultiplierLearningRate = 0.05 };
        var (reward, cost) = Train("RC-A2C", seed =>
        {
            var envs = Enumerable.Range(0, 4).Select(_ => Problems.ConstrainedBandit()).ToArray();
            var a2c = new A2c(new TrainingSetup(envs, seed) { Constraints = settings }, hp, Backend);
            a2c.Learn(16_000);
            return (a2c.ExportPolicy(), envs[0]);
        });

        AssertNearConstrainedOptimum("RC-A2C", reward, cost);
    }

    [Fact]
    public void RcPpoWithPid_ConstrainedBandit_EndsNearConstrainedOptimumWithinBudget()
    {
        var hp = new PpoHyperparameters(LearningRate: 1e-3, StepsPerRollout: 128);
        var pid = Budget with { Pid = new PidGains(Proportional: 1.0, Integral: 0.5, Derivative: 0.5) };
        var (reward, cost) = Train("RC-PPO (PID)", seed =>
        {
            var env = Problems.ConstrainedBandit();
            var ppo = new Ppo(new TrainingSetup([env], seed) { Constraints = pid }, hp, Backend);
            ppo.Learn(128 * 25);
            return (ppo.ExportPolicy(), env);
        });

        AssertNearConstrainedOptimum("RC-PPO (PID)", reward, cost);
    }

    [Fact]
    public void RcDqn_ConstrainedBandit_GreedyPolicyIsConstrainedOptimum()
    {
        // Greedy on r − λc, so the final policy is deterministic: it must be B exactly once λ lies in (0.571, 2).
        var hp = new DqnHyperparameters(LearningRate: 1e-3, TargetUpdateInterval: 500, ExplorationFraction: 0.3, MultiplierUpdateInterval: 200);
        var (reward, cost) = Train("RC-DQN", seed =>
        {
            var env = Problems.ConstrainedBandit();
            var dqn = new Dqn(new TrainingSetup([env], seed) { Constraints = Budget with { MultiplierLearningRate = 0.2 } }, hp, Backend);
            dqn.Learn(6_000);
            return (dqn.ExportPolicy(), env);
        });

        AssertNearConstrainedOptimum("RC-DQN", reward, cost);
    }

    [Fact]
    public void Ppo_ConstrainedBanditWithoutConstraints_ViolatesBudget()
    {
        var hp = new PpoHyperparameters(LearningRate: 1e-3, StepsPerRollout: 128);
        var (_, cost) = Train("PPO (unconstrained)", seed =>
        {
            var env = Problems.ConstrainedBandit();
            var ppo = new Ppo(new TrainingSetup([env], seed), hp, Backend);
            ppo.Learn(128 * 10);
            return (ppo.ExportPolicy(), env);
        });

        Assert.True(cost > Problems.ConstrainedBudget * 1.5, $"Unconstrained PPO's mean cost {cost:F4} should be far over the budget {Problems.ConstrainedBudget}.");
    }

    private (double Reward, double Cost) Train(string name, Func<int, (Policy Policy, TableBandit Env)> train)
    {
        var watch = Stopwatch.StartNew();
        var results = Seeds.Select(seed =>
        {
            var (policy, env) = train(seed);
            return Problems.Evaluate(policy, env);
        }).ToArray();
        var meanReward = results.Average(r => r.Reward);
        var meanCost = results.Average(r => r.Cost);
        output.WriteLine(
            $"{name}: reward {meanReward:F4} ± {SeedStatistics.Sd(results.Select(r => r.Reward).ToArray()):F4}, cost {meanCost:F4} ± {SeedStatistics.Sd(results.Select(r => r.Cost).ToArray()):F4} " +
            $"over seeds [{string.Join(", ", Seeds)}] in {watch.Elapsed.TotalSeconds:F1} s; per seed {string.Join("; ", results.Select(r => $"{r.Reward:F4}/{r.Cost:F4}"))}");
        return (meanReward, meanCost);
    }

    private static void AssertNearConstrainedOptimum(string name, double reward, double cost)
    {
        Assert.True(Math.Abs(reward - Problems.ConstrainedOptimumReward) <= 0.05 * Problems.ConstrainedOptimumReward,
            $"{name} mean reward {reward:F4} is not within 5% of the constrained optimum {Problems.ConstrainedOptimumReward}.");
        Assert.True(cost <= Problems.ConstrainedBudget * 1.02, $"{name} mean cost {cost:F4} exceeds the budget {Problems.ConstrainedBudget} by more than 2%.");
    }
}
