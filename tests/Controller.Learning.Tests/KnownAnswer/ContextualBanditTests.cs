using System.Diagnostics;
using Controller.Learning.Algorithms;
using Controller.Learning.Backends;
using Controller.Learning.Tests.Environments;
using Controller.Learning.Tests.Support;
using Xunit.Abstractions;

namespace Controller.Learning.Tests.KnownAnswer;

/// <summary>
/// Each learner on a 4-context, 4-arm bandit with one best arm per context must reach ≥ 95% of the optimal mean reward,
/// measured exactly from the final policy's action probabilities (stochastic for PPO/A2C, greedy for DQN), mean over seeds.
/// Shorter rollouts and higher step sizes than the SB3 defaults keep each test within seconds; each is stated.
/// </summary>
public abstract class ContextualBanditTests(ITestOutputHelper output)
{
    /// <summary>The backend every learner here trains on; one subclass per backend runs the same bars.</summary>
    protected abstract ITrainingBackend Backend { get; }

    private static readonly int[] Seeds = [1, 2, 3];

    [Fact]
    public void Ppo_ContextualBandit_ReachesNinetyFivePercentOfOptimum()
    {
        // n_steps 128 instead of 2048 so twelve updates fit in a few seconds; lr 1e-3 instead of 3e-4 for the same reason.
        var hp = new PpoHyperparameters(LearningRate: 1e-3, StepsPerRollout: 128);
        AssertReaches(seed =>
        {
            var env = Problems.ContextualBandit();
            var ppo = new Ppo(new TrainingSetup([env], seed), hp, Backend);
            ppo.Learn(128 * 12);
            return (ppo.ExportPolicy(), env);
        }, "PPO");
    }

    [Fact]
    public void A2c_ContextualBandit_ReachesNinetyFivePercentOfOptimum()
    {
        // SB3 defaults (RMSprop 7e-4, n_steps 5) except 4 environments, so each update averages 20 samples.
        var hp = new A2cHyperparameters();
        AssertReaches(seed =>
        {
            var envs = Enumerable.Range(0, 4).Select(_ => Problems.ContextualBandit()).ToArray();
            var a2c = new A2c(new TrainingSetup(envs, seed), hp, Backend);
            a2c.Learn(12_000);
            return (a2c.ExportPolicy(), envs[0]);
        }, "A2C");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Dqn_ContextualBandit_ReachesNinetyFivePercentOfOptimum(bool doubleDqn)
    {
        // Target updates every 500 steps and lr 1e-3 instead of 10,000 and 1e-4: a 4,000-step run would otherwise never update its target.
        var hp = new DqnHyperparameters(LearningRate: 1e-3, TargetUpdateInterval: 500, ExplorationFraction: 0.3, DoubleDqn: doubleDqn);
        AssertReaches(seed =>
        {
            var env = Problems.ContextualBandit();
            var dqn = new Dqn(new TrainingSetup([env], seed), hp, Backend);
            dqn.Learn(4_000);
            return (dqn.ExportPolicy(), env);
        }, doubleDqn ? "Double DQN" : "DQN");
    }

    private void AssertReaches(Func<int, (Controller.Learning.Policies.Policy Policy, TableBandit Env)> train, string name)
    {
        var watch = Stopwatch.StartNew();
        var rewards = Seeds.Select(seed =>
        {
            var (policy, env) = train(seed);
            return Problems.Evaluate(policy, env).Reward / Problems.ContextualOptimum;
        }).ToArray();
        var mean = rewards.Average();
        var sd = SeedStatistics.Sd(rewards);
        output.WriteLine($"{name}: share of optimum {mean:F4} ± {sd:F4} over seeds [{string.Join(", ", Seeds)}] ({string.Join(", ", rewards.Select(r => r.ToString("F4")))}) in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(mean >= 0.95, $"{name} reached {mean:P1} of the optimum (per seed {string.Join(", ", rewards.Select(r => r.ToString("P1")))}).");
    }
}
