using System.Diagnostics;
using Controller.Learning.Algorithms;
using Controller.Learning.Backends;
using Controller.Learning.Policies;
using Controller.Learning.Tests.Environments;
using Controller.Learning.Tests.Support;
using Xunit.Abstractions;

namespace Controller.Learning.Tests.KnownAnswer;

/// <summary>
/// Multi-step known answers (<see cref="ChainMdp"/>, γ = 0.9), where a one-step learner fails: each learner must find
/// the closed-form optimal policy, judged by the final policy's exact value from a uniformly drawn start state; every
/// one of five seeds must reach 95 % of V* (measured: ≥ 99.9 % on each seed for all six tests).
/// <list type="bullet">
/// <item>Goal chain of 5 states, goal 1, quit 0.5: V* = 0.9^(4−s), mean 0.819. Advancing pays nothing until the last
/// state, so only bootstrapping through the episode finds it; quitting at once is worth 0.5, a myopic policy 0.6.</item>
/// <item>Loop chain of 3 states, 0.15 per step in the last, quit 1, episodes truncated after 2 steps: advancing forever
/// is worth 0.15 / 0.1 = 1.5 in the last state, V* = [1.215, 1.35, 1.5], mean 1.355. No episode lasts long enough to
/// show it: treating the cut as a termination makes 2 steps of 0.15 look worse than quitting (1.0).</item>
/// </list>
/// </summary>
public abstract class ChainMdpTests(ITestOutputHelper output)
{
    /// <summary>The backend every learner here trains on; one subclass per backend runs the same bars.</summary>
    protected abstract ITrainingBackend Backend { get; }

    private const double Gamma = 0.9;
    private static readonly int[] Seeds = [1, 2, 3, 4, 5];

    private static ChainMdp GoalChain() => new(5) { GoalReward = 1f, QuitReward = 0.5f };

    private static ChainMdp TruncatedLoopChain() => new(3) { LoopReward = 0.15f, QuitReward = 1f, TimeLimit = 2 };

    [Fact]
    public void Ppo_GoalChain_ReachesOptimalValue() => AssertOptimal("PPO", GoalChain, TrainPpo);

    [Fact]
    public void A2c_GoalChain_ReachesOptimalValue() => AssertOptimal("A2C", GoalChain, TrainA2c);

    [Fact]
    public void Dqn_GoalChain_ReachesOptimalValue() => AssertOptimal("DQN", GoalChain, TrainDqn);

    [Fact]
    public void Ppo_TruncatedLoopChain_BootstrapsThroughTheTimeLimit() => AssertOptimal("PPO (truncated)", TruncatedLoopChain, TrainPpo);

    [Fact]
    public void A2c_TruncatedLoopChain_BootstrapsThroughTheTimeLimit() => AssertOptimal("A2C (truncated)", TruncatedLoopChain, TrainA2c);

    [Fact]
    public void Dqn_TruncatedLoopChain_BootstrapsThroughTheTimeLimit() => AssertOptimal("DQN (truncated)", TruncatedLoopChain, TrainDqn);

    private Policy TrainPpo(Func<ChainMdp> chain, int seed)
    {
        var ppo = new Ppo(new TrainingSetup([chain()], seed), new PpoHyperparameters(LearningRate: 1e-3, StepsPerRollout: 128, Gamma: Gamma), Backend);
        ppo.Learn(128 * 40);
        return ppo.ExportPolicy();
    }

    private Policy TrainA2c(Func<ChainMdp> chain, int seed)
    {
        var envs = Enumerable.Range(0, 4).Select(_ => chain()).ToArray();
        var a2c = new A2c(new TrainingSetup(envs, seed), new A2cHyperparameters(Gamma: Gamma), Backend);
        a2c.Learn(20_000);
        return a2c.ExportPolicy();
    }

    private Policy TrainDqn(Func<ChainMdp> chain, int seed)
    {
        var dqn = new Dqn(new TrainingSetup([chain()], seed), new DqnHyperparameters(LearningRate: 1e-3, TargetUpdateInterval: 500, ExplorationFraction: 0.3, Gamma: Gamma), Backend);
        dqn.Learn(6_000);
        return dqn.ExportPolicy();
    }

    private void AssertOptimal(string name, Func<ChainMdp> chain, Func<Func<ChainMdp>, int, Policy> train)
    {
        var watch = Stopwatch.StartNew();
        var reference = chain();
        var optimum = reference.OptimalStartValue(Gamma);
        var made = new List<ChainMdp>();
        var shares = Seeds.Select(seed =>
        {
            var policy = train(() => Remember(made, chain()), seed);
            var values = reference.PolicyValue(policy, Gamma);
            output.WriteLine($"{name} seed {seed}: V = [{string.Join(", ", values.Select(v => v.ToString("F3")))}], " +
                $"P(advance) = [{string.Join(", ", reference.AdvanceProbabilities(policy).Select(p => p.ToString("F3")))}]");
            return values.Average() / optimum;
        }).ToArray();
        var mean = shares.Average();
        output.WriteLine($"{name}: share of V* {mean:F4} ± {SeedStatistics.Sd(shares):F4}, min {shares.Min():F4} over seeds [{string.Join(", ", Seeds)}] in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(reference.TimeLimit is null || made.All(m => m.Truncations > 0), $"{name}: some environment was never truncated.");
        Assert.True(shares.Min() >= 0.95, $"{name} reached {mean:P1} of the optimal value (per seed {string.Join(", ", shares.Select(s => s.ToString("P1")))}); every seed must reach 95 %.");
    }

    private static ChainMdp Remember(List<ChainMdp> made, ChainMdp chain)
    {
        made.Add(chain);
        return chain;
    }
}
