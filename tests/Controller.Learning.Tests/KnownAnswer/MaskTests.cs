using Controller.Learning.Algorithms;
using Controller.Learning.Policies;
using Controller.Learning.Tests.Environments;

namespace Controller.Learning.Tests.KnownAnswer;

/// <summary>
/// Hard masks: the best arm of each context is forbidden, and a random further arm is forbidden at each step. Training
/// must never submit a masked action, and the trained policy must give masked actions probability 0 and never pick one.
/// </summary>
public sealed class MaskTests
{
    [Fact]
    public void Ppo_BestArmMasked_NeverChoosesMaskedAction()
    {
        var env = MaskedBandit();
        var ppo = new Ppo(new TrainingSetup([env], 3), new PpoHyperparameters(StepsPerRollout: 128, LearningRate: 1e-3));
        ppo.Learn(128 * 6);
        AssertNeverMasked(env, ppo.ExportPolicy());
    }

    [Fact]
    public void A2c_BestArmMasked_NeverChoosesMaskedAction()
    {
        var env = MaskedBandit();
        var a2c = new A2c(new TrainingSetup([env], 3));
        a2c.Learn(1_000);
        AssertNeverMasked(env, a2c.ExportPolicy());
    }

    [Fact]
    public void Dqn_BestArmMasked_NeverChoosesMaskedAction()
    {
        var env = MaskedBandit();
        var dqn = new Dqn(new TrainingSetup([env], 3), new DqnHyperparameters(LearningRate: 1e-3, TargetUpdateInterval: 200, DoubleDqn: true));
        dqn.Learn(1_000);
        AssertNeverMasked(env, dqn.ExportPolicy());
    }

    private static TableBandit MaskedBandit()
    {
        var source = Problems.ContextualBandit();
        var rewards = new float[source.Contexts, source.Actions];
        for (var c = 0; c < source.Contexts; c++)
        {
            for (var a = 0; a < source.Actions; a++)
            {
                rewards[c, a] = source.Reward(c, a);
            }
        }

        return TableBandit.Unconstrained(rewards, (context, random) =>
        {
            var mask = Enumerable.Repeat(true, 4).ToArray();
            mask[Problems.BestArms[context]] = false;
            var extra = random.Next(4);
            if (extra != Problems.BestArms[context] && mask.Count(m => m) > 1)
            {
                mask[extra] = false;
            }

            return mask;
        });
    }

    private static void AssertNeverMasked(TableBandit env, Policy policy)
    {
        Assert.True(env.Steps > 0);
        Assert.Equal(0, env.MaskedChoices);
        var random = new Random(11);
        var probabilities = new float[4];
        for (var trial = 0; trial < 400; trial++)
        {
            var context = trial % 4;
            var observation = new float[4];
            observation[context] = 1f;
            var mask = Enumerable.Range(0, 4).Select(_ => random.NextDouble() < 0.5).ToArray();
            mask[Problems.BestArms[context]] = false;
            if (!mask.Contains(true))
            {
                mask[(Problems.BestArms[context] + 1) % 4] = true;
            }

            policy.ActionProbabilities(observation, mask, probabilities);
            for (var a = 0; a < 4; a++)
            {
                Assert.True(mask[a] || probabilities[a] == 0f, $"masked action {a} got probability {probabilities[a]}");
            }

            Assert.True(mask[policy.Act(observation, mask).Action]);
            Assert.True(mask[policy.Act(observation, mask, random.NextDouble()).Action]);
        }
    }
}
