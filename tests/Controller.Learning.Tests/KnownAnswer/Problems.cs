using Controller.Learning.Policies;
using Controller.Learning.Tests.Environments;

namespace Controller.Learning.Tests.KnownAnswer;

/// <summary>Problems with known optimal answers, and the exact expected value of a policy on them.</summary>
internal static class Problems
{
    /// <summary>Best arm per context of <see cref="ContextualBandit"/>: 2, 0, 3, 1, each paying 1; the others pay 0.1–0.5.</summary>
    public static readonly int[] BestArms = [2, 0, 3, 1];

    /// <summary>Optimal mean reward of <see cref="ContextualBandit"/> (best arm everywhere).</summary>
    public const double ContextualOptimum = 1.0;

    public static TableBandit ContextualBandit()
    {
        var rewards = new float[4, 4];
        for (var c = 0; c < 4; c++)
        {
            for (var a = 0; a < 4; a++)
            {
                rewards[c, a] = a == BestArms[c] ? 1f : 0.1f + (0.1f * ((a + c) % 5));
            }
        }

        return TableBandit.Unconstrained(rewards);
    }

    /// <summary>
    /// One state, three actions (reward, cost): A (1, 1), B (0.6, 0.3), C (0, 0); budget 0.3 per episode.
    /// Over mixed policies p the LP max Σpᵢrᵢ s.t. Σpᵢcᵢ ≤ 0.3 has its optimum at pure B (reward 0.6, cost 0.3): B has the best
    /// reward per unit cost (2 vs 1), and moving mass from B to A buys 0.4 reward for 0.7 cost, more than the budget allows.
    /// Unconstrained, A is optimal (reward 1, cost 1), far over budget.
    /// </summary>
    public static TableBandit ConstrainedBandit()
    {
        var rewards = new float[1, 3] { { 1f, 0.6f, 0f } };
        var costs = new float[1, 3, 1] { { { 1f }, { 0.3f }, { 0f } } };
        return new TableBandit(rewards, costs, ["spend"]);
    }

    public const double ConstrainedBudget = 0.3;

    public const double ConstrainedOptimumReward = 0.6;

    /// <summary>Exact E[reward] and E[cost 0] of a policy over uniformly drawn contexts, from its action probabilities.</summary>
    public static (double Reward, double Cost) Evaluate(Policy policy, TableBandit bandit)
    {
        double reward = 0, cost = 0;
        var probabilities = new float[bandit.Actions];
        for (var c = 0; c < bandit.Contexts; c++)
        {
            var observation = new float[bandit.Contexts];
            observation[c] = 1f;
            policy.ActionProbabilities(observation, bandit.MaskFor(c), probabilities);
            for (var a = 0; a < bandit.Actions; a++)
            {
                reward += probabilities[a] * bandit.Reward(c, a) / bandit.Contexts;
                if (bandit.Spec.CostCount > 0)
                {
                    cost += probabilities[a] * bandit.Cost(c, a, 0) / bandit.Contexts;
                }
            }
        }

        return (reward, cost);
    }
}
