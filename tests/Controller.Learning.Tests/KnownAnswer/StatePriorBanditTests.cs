using Controller.Learning.Algorithms;
using Controller.Learning.Policies;
using Controller.Learning.Tests.Environments;
using Xunit.Abstractions;

namespace Controller.Learning.Tests.KnownAnswer;

/// <summary>
/// The state prior (<see cref="TrainingSetup.StateLogPrior"/>) on bandits with known answers: it keeps the best arm of a
/// rare context that plain PPO and A2C give up on (the shared layers learn the common contexts' arm), and learning still
/// overrules a prior that ranks the arms backwards. Seeds 1–5; the figure per seed is the final policy's exact probability
/// of the best arm, served with the prior when trained with it. PPO runs with rollouts of 128 (SB3: 2048) and lr 1e-3 so
/// 40 updates take a second; A2C with SB3's defaults on 4 environments.
/// </summary>
public sealed class StatePriorBanditTests(ITestOutputHelper output)
{
    private static readonly int[] Seeds = [1, 2, 3, 4, 5];
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

        output.WriteLine($"PPO, P(best arm | rare context): with the prior (β = 5) {Describe(withPrior)}; without {Describe(without)}");
        // The prior alone gives the best arm 0.72 there; the shared layers, pulled by the common contexts, erode some of it.
        Assert.True(withPrior.Average() >= 0.5, $"With the prior P(best arm | rare context) = {Describe(withPrior)}.");
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

        output.WriteLine($"A2C, P(best arm | rare context) with the prior (β = 5): {Describe(withPrior)}");
        Assert.True(withPrior.Average() >= 0.6, $"With the prior P(best arm | rare context) = {Describe(withPrior)}.");
    }

    [Fact]
    public void Ppo_PriorRankingArmsBackwards_IsOverruledByTheRewards()
    {
        float[,] means = { { 1.0f, 0.6f, 0.2f } };
        float[,] backwards = { { 0.2f, 0.6f, 1.0f } };
        var shares = Seeds.Select(seed =>
        {
            var env = new NoisyBandit([1.0], means, noise: 0.3, model: backwards) { PriorSharpness = 2 };
            var ppo = new Ppo(new TrainingSetup([env], seed) { StateLogPrior = true }, Ppo);
            ppo.Learn(128 * 40);
            return Probability(ppo.ExportPolicy(), env, context: 0, arm: 0, withPrior: true);
        }).ToArray();

        output.WriteLine($"P(best arm) served with a backwards prior (β = 2; the prior alone gives it 0.12): {Describe(shares)}");
        Assert.True(shares.Average() >= 0.9, $"Learning must overrule a wrong prior; P(arm 0) = {Describe(shares)}.");
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

    private static string Describe(double[] values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return $"{mean:F3} ± {sd:F3} ({string.Join(", ", values.Select(v => v.ToString("F3")))})";
    }

    /// <summary>One seed's rare-context bandit (and copies of it for vectorised learners).</summary>
    private sealed record Run(int Seed, bool UsePrior)
    {
        public NoisyBandit Bandit { get; } = New();

        public NoisyBandit[] Copies(int count) => [Bandit, .. Enumerable.Range(1, count - 1).Select(_ => New())];

        private static NoisyBandit New() => new(RareContextProbabilities, RareContextMeans, noise: 1) { PriorSharpness = 5 };
    }
}
