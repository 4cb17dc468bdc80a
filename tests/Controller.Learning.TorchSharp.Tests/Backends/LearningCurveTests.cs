using Controller.Learning.Algorithms;
using Controller.Learning.Backends;
using Controller.Learning.Constraints;
using Controller.Learning.Tests.KnownAnswer;
using Xunit.Abstractions;

namespace Controller.Learning.TorchSharp.Tests.Backends;

/// <summary>
/// Same seed, same learning curve on both backends. Initial weights, sampling, shuffles and multipliers come from the
/// shared loop's seeded <see cref="Random"/>, and the updates agree to float32 rounding, so the curves stay together until a
/// rounding difference flips a sampled action. Each learner trains RC-form on the constrained bandit and records, after
/// every update, the mean episode reward (last 100 episodes) and the multiplier; the bar is on the largest gap between the
/// two curves over seeds 1–3.
/// </summary>
public sealed class LearningCurveTests(ITestOutputHelper output)
{
    private static readonly int[] Seeds = [1, 2, 3];
    private static readonly ConstraintSettings Budget = new([new ConstraintBudget("spend", Problems.ConstrainedBudget)], MultiplierLearningRate: 0.5);

    // Measured on 2026-12-03 (test output): RC-A2C and RC-DQN curves identical on seeds 1–3 (largest gap 0); RC-PPO
    // identical on seeds 1 and 2, and on seed 3 one sampled action flipped late in the run: largest gap 0.008 in reward
    // and 0.0027 in λ, both runs ending at reward 0.6000 (λ 1.4207 vs 1.4180). The bar, 0.05 in both, is six times the
    // largest gap seen and far below the 0.4 that separates the constrained optimum from the unconstrained one.
    private const double Tolerance = 0.05;

    [Fact]
    public void RcPpo_SameSeed_LearningCurvesAgreeAcrossBackends() =>
        AssertCurvesAgree("RC-PPO", 25, (seed, backend) =>
            new Ppo(new TrainingSetup([Problems.ConstrainedBandit()], seed) { Constraints = Budget }, new PpoHyperparameters(LearningRate: 1e-3, StepsPerRollout: 128), backend), 128);

    [Fact]
    public void RcA2c_SameSeed_LearningCurvesAgreeAcrossBackends() =>
        AssertCurvesAgree("RC-A2C", 40, (seed, backend) =>
            new A2c(new TrainingSetup(Enumerable.Range(0, 4).Select(_ => Problems.ConstrainedBandit()).ToArray(), seed) { Constraints = Budget with { MultiplierLearningRate = 0.05 } }, new A2cHyperparameters(), backend), 400);

    [Fact]
    public void RcDqn_SameSeed_LearningCurvesAgreeAcrossBackends() =>
        AssertCurvesAgree("RC-DQN", 30, (seed, backend) =>
            new Dqn(new TrainingSetup([Problems.ConstrainedBandit()], seed) { Constraints = Budget with { MultiplierLearningRate = 0.2 } },
                new DqnHyperparameters(LearningRate: 1e-3, TargetUpdateInterval: 500, ExplorationFraction: 0.3, MultiplierUpdateInterval: 200, BufferSize: 6_000), backend), 200);

    private void AssertCurvesAgree(string name, int points, Func<int, ITrainingBackend, ILearner> create, long stepsPerPoint)
    {
        var worstReward = 0.0;
        var worstMultiplier = 0.0;
        foreach (var seed in Seeds)
        {
            var managed = Curve(create(seed, ManagedBackend.Instance), points, stepsPerPoint);
            var torch = Curve(create(seed, TorchSharpFixture.Backend), points, stepsPerPoint);
            var rewardGap = managed.Zip(torch, (m, t) => Math.Abs(m.Reward - t.Reward)).Max();
            var multiplierGap = managed.Zip(torch, (m, t) => Math.Abs(m.Multiplier - t.Multiplier)).Max();
            output.WriteLine($"{name} seed {seed}: {points} points; largest gap reward {rewardGap:E2}, multiplier {multiplierGap:E2}; " +
                $"final managed {managed[^1].Reward:F4}/λ {managed[^1].Multiplier:F4}, torchsharp {torch[^1].Reward:F4}/λ {torch[^1].Multiplier:F4}");
            worstReward = Math.Max(worstReward, rewardGap);
            worstMultiplier = Math.Max(worstMultiplier, multiplierGap);
        }

        Assert.True(worstReward <= Tolerance, $"{name}: the reward curves differ by up to {worstReward:E3} (> {Tolerance}).");
        Assert.True(worstMultiplier <= Tolerance, $"{name}: the multiplier curves differ by up to {worstMultiplier:E3} (> {Tolerance}).");
    }

    private static List<(double Reward, double Multiplier)> Curve(ILearner learner, int points, long stepsPerPoint)
    {
        var curve = new List<(double, double)>();
        for (var i = 0; i < points; i++)
        {
            var summary = learner.Learn(stepsPerPoint);
            curve.Add((summary.MeanEpisodeReturn, learner.Multipliers.Values[0]));
        }

        return curve;
    }
}
