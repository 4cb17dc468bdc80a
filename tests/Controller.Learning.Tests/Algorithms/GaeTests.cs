using Controller.Learning.Algorithms;

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
    public void Compute_MismatchedLengths_ThrowsNamingCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gae.Compute([1, 2], [1], [false, false], [0f], 1, 0.9, 0.9, new float[2], new float[2]));
        Assert.Contains("1 values", ex.Message);
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
