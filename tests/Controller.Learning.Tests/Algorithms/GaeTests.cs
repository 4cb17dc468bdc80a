using Controller.Learning.Algorithms;
using Controller.Learning.Tests.Support;

namespace Controller.Learning.Tests.Algorithms;

public sealed class GaeTests
{
    [Fact]
    public void Compute_ThreeStepsNoDone_MatchesHandComputedValues()
    {
        // γ = 0.5, λ = 0.5, rewards 1,2,3, values 0.5,1,1.5, bootstrap V = 2.
        // δ2 = 3 + 0.5·2 − 1.5 = 2.5;   A2 = 2.5
        // δ1 = 2 + 0.5·1.5 − 1 = 1.75; A1 = 1.75 + 0.25·2.5 = 2.375
        // δ0 = 1 + 0.5·1 − 0.5 = 1;     A0 = 1 + 0.25·2.375 = 1.59375
        var advantages = new float[3];
        var returns = new float[3];

        Gae.Compute([1, 2, 3], [0.5f, 1, 1.5f], [false, false, false], [2f], 1, 0.5, 0.5, advantages, returns);

        Assert.Equal([1.59375f, 2.375f, 2.5f], advantages);
        Assert.Equal([2.09375f, 3.375f, 4f], returns);
    }

    [Fact]
    public void Compute_DoneInMiddle_DoesNotBootstrapAcrossEpisodes()
    {
        // Episode ends after step 0: δ0 = 1 − 0.5 = 0.5 (no V1, no A1 carried).
        // δ1 = 2 + 0.9·10 − 1 = 10; A1 = 10.
        var advantages = new float[2];
        var returns = new float[2];

        Gae.Compute([1, 2], [0.5f, 1], [true, false], [10f], 1, 0.9, 0.95, advantages, returns);

        Assert.Equal(0.5f, advantages[0]);
        Assert.Equal(10f, advantages[1], 5);
    }

    [Fact]
    public void Compute_TwoEnvironmentsInterleaved_TreatsEachSeparately()
    {
        // Layout [step, env]: env 0 rewards 1,1 values 0,0; env 1 rewards 0,2 values 1,1; γ = 1, λ = 1, bootstrap 0 and 3.
        var advantages = new float[4];
        var returns = new float[4];

        Gae.Compute([1, 0, 1, 2], [0, 1, 0, 1], [false, false, false, false], [0f, 3f], 2, 1.0, 1.0, advantages, returns);

        Assert.Equal([2f, 4f, 1f, 4f], advantages);
        Assert.Equal([2f, 5f, 1f, 5f], returns);
    }

    [Fact]
    public void Compute_GammaNotLambdaWithTerminationAndTruncationMidRollout_MatchesNaiveDoubleSum()
    {
        // Two environments, eight steps, γ = 0.9 ≠ λ = 0.6 so γλ, λλ and γγ all differ. Env 0 terminates after step 2
        // and is truncated after step 5; env 1 is truncated after step 1 and terminates after step 6.
        const double gamma = 0.9, lambda = 0.6;
        const int steps = 8, envs = 2;
        float[] rewards = [1, -1, 0.5f, 2, -0.5f, 1.5f, 0, 1, 2, 0.25f, -1, 3, 0.5f, -2, 1, 0];
        float[] values = [0.3f, -0.2f, 1, 0.4f, -0.6f, 0.9f, 0.2f, 0.1f, -0.3f, 1.2f, 0.8f, -0.4f, 0.5f, 0.7f, -0.1f, 0.6f];
        float[] lastValues = [0.35f, -0.8f];
        var terminated = new bool[steps * envs];
        var truncated = new bool[steps * envs];
        var terminalValues = new float[steps * envs];
        terminated[(2 * envs) + 0] = true;
        truncated[(5 * envs) + 0] = true;
        terminalValues[(5 * envs) + 0] = 1.7f;
        truncated[(1 * envs) + 1] = true;
        terminalValues[(1 * envs) + 1] = -2.3f;
        terminated[(6 * envs) + 1] = true;

        var (expectedAdvantages, expectedReturns) = NaiveGae(rewards, values, terminated, truncated, terminalValues, lastValues, envs, gamma, lambda);
        var advantages = new float[steps * envs];
        var returns = new float[steps * envs];
        var (bootstrapped, dones) = CollectedRollout.Bootstrap(rewards, terminated, truncated, terminalValues, gamma);
        Gae.Compute(bootstrapped, values, dones, lastValues, envs, gamma, lambda, advantages, returns);

        Tolerance.AssertClose(expectedAdvantages, advantages, "advantages");
        Tolerance.AssertClose(expectedReturns, returns, "returns");
    }

    [Fact]
    public void Compute_MismatchedLengths_ThrowsNamingCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gae.Compute([1, 2], [1], [false, false], [0f], 1, 0.9, 0.9, new float[2], new float[2]));
        Assert.Contains("1 values", ex.Message);
    }

    /// <summary>
    /// The definition, summed forwards: <c>A_t = Σ_{j ≥ t} (γλ)^{j−t}·δ_j</c> up to and including the step that ends t's
    /// episode (or the rollout), <c>δ_j = r_j + γ·V' − V_j</c> with V' the next step's value, the terminal observation's
    /// value after a truncation, 0 after a termination, and the bootstrap value after the rollout's last step.
    /// </summary>
    private static (double[] Advantages, double[] Returns) NaiveGae(
        float[] rewards, float[] values, bool[] terminated, bool[] truncated, float[] terminalValues, float[] lastValues, int envs, double gamma, double lambda)
    {
        var steps = rewards.Length / envs;
        var advantages = new double[rewards.Length];
        var returns = new double[rewards.Length];
        for (var e = 0; e < envs; e++)
        {
            double Delta(int j)
            {
                var i = (j * envs) + e;
                var next = terminated[i] ? 0.0 : truncated[i] ? terminalValues[i] : j == steps - 1 ? lastValues[e] : values[i + envs];
                return rewards[i] + (gamma * next) - values[i];
            }

            for (var t = 0; t < steps; t++)
            {
                double sum = 0;
                for (var j = t; j < steps; j++)
                {
                    sum += Math.Pow(gamma * lambda, j - t) * Delta(j);
                    if (terminated[(j * envs) + e] || truncated[(j * envs) + e])
                    {
                        break;
                    }
                }

                advantages[(t * envs) + e] = sum;
                returns[(t * envs) + e] = sum + values[(t * envs) + e];
            }
        }

        return (advantages, returns);
    }
}

public sealed class TdTargetTests
{
    [Fact]
    public void Compute_TerminalAndNonTerminal_MatchesHandComputedTargets()
    {
        // y = r + γ(1 − done)·Q': 1 + 0.9·5 = 5.5; terminal 2 + 0 = 2; −1 + 0.9·(−2) = −2.8.
        var targets = new float[3];

        TdTargets.Compute([1, 2, -1], [5, 7, -2], [false, true, false], 0.9, targets);

        Assert.Equal(5.5f, targets[0], 6);
        Assert.Equal(2f, targets[1]);
        Assert.Equal(-2.8f, targets[2], 6);
    }
}
