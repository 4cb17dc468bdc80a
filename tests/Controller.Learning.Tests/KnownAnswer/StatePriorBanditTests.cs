using Controller.Learning.Algorithms;
using Controller.Learning.Policies;
using Controller.Learning.Tests.Environments;
using static Controller.Learning.Tests.Support.SeedStatistics;
using Xunit.Abstractions;

namespace Controller.Learning.Tests.KnownAnswer;

/// <summary>
/// The state prior (<see cref="TrainingSetup.StateLogPrior"/>) on bandits with known answers: it keeps the best arm of a
/// rare context that plain PPO and A2C give up on (the shared layers learn the common contexts' arm), and learning still
/// overrules a prior that ranks the arms backwards. The figure per seed is the final policy's exact probability of the
/// best arm, served with the prior when trained with it. PPO runs with rollouts of 128 (SB3: 2048) and lr 1e-3 so 40
/// updates take a second; A2C with SB3's defaults on 4 environments.
/// The rare-context outcome varies widely between seeds (some seeds erode the prior to 0.05), so those tests use 20
/// seeds and statistics chosen with a wide margin on seeds 1–20: a paired comparison and a median, not a mean of five
/// seeds against a bar it cleared by luck (seeds 1–5 gave PPO 0.577 ± 0.271 against 0.5, two seeds below it).
/// </summary>
public sealed class StatePriorBanditTests(ITestOutputHelper output)
{
    private static readonly int[] Seeds = [.. Enumerable.Range(1, 20)];
    private static readonly int[] BackwardsPriorSeeds = [1, 2, 3, 4, 5];
    private static readonly PpoHyperparameters Ppo = new(LearningRate: 1e-3, StepsPerRollout: 128);

    // Two common contexts where arm 0 is best and two rare ones (1 % each) where arm 3 is, by 0.3 under reward noise of sd 1.
    private static readonly double[] RareContextProbabilities = [0.49, 0.49, 0.01, 0.01];
    private static readonly float[,] RareContextMeans =
    {
        { 1.0f, 0.5f, 0.5f, 0.7f },
        { 1.0f, 0.5f, 0.5f, 0.7f },
        { 0.7f, 0.5f, 0.5f, 1.0f },
        { 0.7f, 0.5f, 0.5f, 1.0f },
    };

    [Fact]
    public void Ppo_RareContextWithPriorFromTheMeans_KeepsItsBestArmWherePlainPpoLosesIt()
    {
        static Policy Train(Run run)
        {
            var ppo = new Ppo(new TrainingSetup([run.Bandit], run.Seed) { StateLogPrior = run.UsePrior }, Ppo);
            ppo.Learn(128 * 40);
            return ppo.ExportPolicy();
        }

        var withPrior = RareContextShares(prior: true, Train);
        var without = RareContextShares(prior: false, Train);
        var gains = withPrior.Zip(without, (w, o) => w - o).ToArray();
        var wins = gains.Count(g => g > 0);

        output.WriteLine($"PPO, P(best arm | rare context): with the prior (β = 5) {Describe(withPrior)}; without {Describe(without)}; " +
            $"paired gain {Describe(gains)}, the prior ahead on {wins} of {Seeds.Length} seeds");
        // Measured on seeds 1–20: gain 0.49 ± 0.28 (standard error 0.06), ahead on 19 of 20; with 0.635 ± 0.268, without
        // 0.142 ± 0.155. Each bar sits ≥ 3 standard errors (or, for the sign count, p < 0.001 at a 95 % win rate) away.
        Assert.True(wins >= 15, $"The prior should beat plain PPO on at least 15 of {Seeds.Length} paired seeds; it did on {wins}: {Describe(gains)}.");
        Assert.True(gains.Average() >= 0.25, $"The prior should raise P(best arm | rare context) by ≥ 0.25 on average: {Describe(gains)}.");
        Assert.True(without.Average() <= 0.3, $"Without the prior the rare context should be lost: {Describe(without)}.");
    }

    [Fact]
    public void A2c_RareContextWithPriorFromTheMeans_KeepsItsBestArm()
    {
        var withPrior = RareContextShares(prior: true, run =>
        {
            var a2c = new A2c(new TrainingSetup(run.Copies(4), run.Seed) { StateLogPrior = run.UsePrior });
            a2c.Learn(20_000);
            return a2c.ExportPolicy();
        });

        var median = Median(withPrior);
        output.WriteLine($"A2C, P(best arm | rare context) with the prior (β = 5): {Describe(withPrior)}, median {median:F3}");
        // Measured on seeds 1–20: median 0.80, 3 of 20 seeds below 0.6 (0.38, 0.12, 0.05), which is what sinks a mean; the
        // median falls below 0.6 only if 10 of 20 seeds do.
        Assert.True(median >= 0.6, $"With the prior the median P(best arm | rare context) should be ≥ 0.6: {Describe(withPrior)}.");
    }

    [Fact]
    public void Ppo_PriorRankingArmsBackwards_IsOverruledByTheRewards()
    {
        float[,] means = { { 1.0f, 0.6f, 0.2f } };
        float[,] backwards = { { 0.2f, 0.6f, 1.0f } };
        var shares = BackwardsPriorSeeds.Select(seed =>
        {
            var env = new NoisyBandit([1.0], means, noise: 0.3, model: backwards) { PriorSharpness = 2 };
            var ppo = new Ppo(new TrainingSetup([env], seed) { StateLogPrior = true }, Ppo);
            ppo.Learn(128 * 40);
            return Probability(ppo.ExportPolicy(), env, context: 0, arm: 0, withPrior: true);
        }).ToArray();

        output.WriteLine($"P(best arm) served with a backwards prior (β = 2; the prior alone gives it 0.12): {Describe(shares)}");
        // Measured: ≥ 0.999 on each of seeds 1–20, so every seed is held to the bar.
        Assert.True(shares.Min() >= 0.9, $"Learning must overrule a wrong prior on every seed; P(arm 0) = {Describe(shares)}.");
    }

    private static double[] RareContextShares(bool prior, Func<Run, Policy> train) => Seeds.Select(seed =>
    {
        var run = new Run(seed, prior);
        var policy = train(run);
        return (Probability(policy, run.Bandit, 2, 3, prior) + Probability(policy, run.Bandit, 3, 3, prior)) / 2;
    }).ToArray();

    private static double Probability(Policy policy, NoisyBandit bandit, int context, int arm, bool withPrior)
    {
        var observation = new float[bandit.Spec.ObservationSize];
        var mask = new bool[bandit.Spec.ActionCount];
        var prior = new float[bandit.Spec.ActionCount];
        bandit.ResetTo(context, observation, mask);
        bandit.WriteLogPrior(prior);
        var probabilities = new float[bandit.Spec.ActionCount];
        policy.ActionProbabilities(observation, mask, probabilities, withPrior ? prior : default);
        return probabilities[arm];
    }

    /// <summary>One seed's rare-context bandit (and copies of it for vectorised learners).</summary>
    private sealed record Run(int Seed, bool UsePrior)
    {
        public NoisyBandit Bandit { get; } = New();

        public NoisyBandit[] Copies(int count) => [Bandit, .. Enumerable.Range(1, count - 1).Select(_ => New())];

        private static NoisyBandit New() => new(RareContextProbabilities, RareContextMeans, noise: 1) { PriorSharpness = 5 };
    }
}
