using Controller.Learning.Algorithms;
using Controller.Learning.Policies;
using Controller.Learning.Tests.KnownAnswer;

namespace Controller.Learning.Tests.Algorithms;

/// <summary><see cref="TrainingSetup.PolicyLogitPrior"/>: the untrained categorical policy samples from softmax(prior).</summary>
public sealed class PolicyLogitPriorTests
{
    private static readonly float[] Prior = [0f, -1f, -3f, 2f];

    [Fact]
    public void Ppo_WithPrior_StartsAtSoftmaxOfThePrior()
    {
        var bandit = Problems.ContextualBandit();
        var policy = new Ppo(new TrainingSetup([bandit], Seed: 3) { PolicyLogitPrior = Prior }).ExportPolicy();

        AssertStartsAtPrior(policy, bandit.Contexts);
    }

    [Fact]
    public void A2c_WithPrior_StartsAtSoftmaxOfThePrior()
    {
        var bandit = Problems.ContextualBandit();
        var policy = new A2c(new TrainingSetup([bandit], Seed: 3) { PolicyLogitPrior = Prior }).ExportPolicy();

        AssertStartsAtPrior(policy, bandit.Contexts);
    }

    [Fact]
    public void Ppo_WithoutPrior_StartsNearUniform()
    {
        var bandit = Problems.ContextualBandit();
        var policy = new Ppo(new TrainingSetup([bandit], Seed: 3)).ExportPolicy();
        var probabilities = Probabilities(policy, 0, bandit.Contexts);

        Assert.All(probabilities, p => Assert.InRange(p, 0.24, 0.26));
    }

    [Fact]
    public void Ppo_PriorOfWrongLength_ThrowsNamingBothCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Ppo(new TrainingSetup([Problems.ContextualBandit()]) { PolicyLogitPrior = [0f, 1f] }));

        Assert.Contains("2 entries", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4 actions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A2c_PriorWithInfinity_ThrowsNamingTheEntry()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new A2c(new TrainingSetup([Problems.ContextualBandit()]) { PolicyLogitPrior = [0f, float.NegativeInfinity, 0f, 0f] }));

        Assert.Contains("entry 1", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertStartsAtPrior(Policy policy, int contexts)
    {
        var expected = Prior.Select(MathF.Exp).ToArray();
        var sum = expected.Sum();
        for (var context = 0; context < contexts; context++)
        {
            var probabilities = Probabilities(policy, context, contexts);
            for (var a = 0; a < Prior.Length; a++)
            {
                // The head's weights start at gain 0.01, so the state moves each logit by a few hundredths at most.
                Assert.InRange(probabilities[a], expected[a] / sum * 0.95, expected[a] / sum * 1.05);
            }
        }
    }

    private static float[] Probabilities(Policy policy, int context, int contexts)
    {
        var observation = new float[contexts];
        observation[context] = 1;
        var probabilities = new float[policy.Actions.Count];
        policy.ActionProbabilities(observation, [true, true, true, true], probabilities);
        return probabilities;
    }
}
