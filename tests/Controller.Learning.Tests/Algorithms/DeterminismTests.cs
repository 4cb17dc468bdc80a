using Controller.Learning.Algorithms;
using Controller.Learning.Constraints;
using Controller.Learning.Nn;
using Controller.Learning.Tests.KnownAnswer;

namespace Controller.Learning.Tests.Algorithms;

/// <summary>Same seed → bit-identical weights after several updates (SB3's test_deterministic); a different seed differs.</summary>
public sealed class DeterminismTests
{
    private static readonly ConstraintSettings Budget = new([new ConstraintBudget("spend", 0.3)]);

    [Fact]
    public void Ppo_SameSeed_BitIdenticalWeightsAfterUpdates()
    {
        static IReadOnlyList<Parameter> Run(int seed)
        {
            var ppo = new Ppo(new TrainingSetup([Problems.ConstrainedBandit()], seed) { Constraints = Budget }, new PpoHyperparameters(StepsPerRollout: 64, Epochs: 2));
            ppo.Learn(64 * 3);
            return ppo.Model.Parameters;
        }

        AssertDeterministic(Run);
    }

    [Fact]
    public void A2c_SameSeed_BitIdenticalWeightsAfterUpdates()
    {
        static IReadOnlyList<Parameter> Run(int seed)
        {
            var a2c = new A2c(new TrainingSetup([Problems.ConstrainedBandit(), Problems.ConstrainedBandit()], seed) { Constraints = Budget });
            a2c.Learn(200);
            return a2c.Model.Parameters;
        }

        AssertDeterministic(Run);
    }

    [Fact]
    public void Dqn_SameSeed_BitIdenticalWeightsAfterUpdates()
    {
        static IReadOnlyList<Parameter> Run(int seed)
        {
            var dqn = new Dqn(new TrainingSetup([Problems.ConstrainedBandit()], seed) { Constraints = Budget }, new DqnHyperparameters(LearningStarts: 20, TargetUpdateInterval: 50, DoubleDqn: true));
            dqn.Learn(300);
            return dqn.QNetwork.Parameters;
        }

        AssertDeterministic(Run);
    }

    private static void AssertDeterministic(Func<int, IReadOnlyList<Parameter>> run)
    {
        var first = run(7);
        var second = run(7);
        var other = run(8);
        for (var p = 0; p < first.Count; p++)
        {
            Assert.Equal(first[p].Name, second[p].Name);
            Assert.True(first[p].Value.AsSpan().SequenceEqual(second[p].Value), $"{first[p].Name} differs between runs with the same seed.");
        }

        Assert.Contains(Enumerable.Range(0, first.Count), p => !first[p].Value.AsSpan().SequenceEqual(other[p].Value));
    }
}
