using Controller.Learning.Algorithms;
using Controller.Learning.Constraints;
using Controller.Learning.Environments;
using Controller.Learning.Nn;
using Controller.Learning.Optim;
using Controller.Learning.Policies;
using Controller.Learning.Tests.Environments;
using Controller.Learning.Tests.KnownAnswer;

namespace Controller.Learning.Tests.Algorithms;

/// <summary>Bad input gets an exception naming the field and value, never a crash deep inside.</summary>
public sealed class InputValidationTests
{
    [Fact]
    public void Ppo_NegativeClipRange_ThrowsNamingField()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Ppo(new TrainingSetup([Problems.ConstrainedBandit()]), new PpoHyperparameters(ClipRange: -0.1)));

        Assert.Contains("ClipRange", ex.Message);
        Assert.Contains("-0.1", ex.Message);
    }

    [Fact]
    public void Dqn_GammaAboveOne_ThrowsNamingField()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Dqn(new TrainingSetup([Problems.ConstrainedBandit()]), new DqnHyperparameters(Gamma: 1.5)));

        Assert.Contains("Gamma", ex.Message);
    }

    [Fact]
    public void A2c_BudgetOnUnknownCost_ThrowsNamingCostAndKnownCosts()
    {
        var setup = new TrainingSetup([Problems.ConstrainedBandit()]) { Constraints = new ConstraintSettings([new ConstraintBudget("latency_s", 30)]) };

        var ex = Assert.Throws<ArgumentException>(() => new A2c(setup));

        Assert.Contains("'latency_s'", ex.Message);
        Assert.Contains("spend", ex.Message);
    }

    [Fact]
    public void Ppo_NegativeBudget_ThrowsNamingCost()
    {
        var setup = new TrainingSetup([Problems.ConstrainedBandit()]) { Constraints = new ConstraintSettings([new ConstraintBudget("spend", -1)]) };

        var ex = Assert.Throws<ArgumentException>(() => new Ppo(setup));

        Assert.Contains("'spend'", ex.Message);
    }

    [Fact]
    public void Ppo_ObservationSpecOfWrongSize_ThrowsNamingSizes()
    {
        var setup = new TrainingSetup([Problems.ConstrainedBandit()]) { Observation = ObservationSpec.Identity(3) };

        var ex = Assert.Throws<ArgumentException>(() => new Ppo(setup));

        Assert.Contains("3 features", ex.Message);
    }

    [Fact]
    public void ObservationSpec_ZeroScale_ThrowsNamingFeature()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ObservationSpec(["rtt_ms"], [0f], [0f]).Validate());

        Assert.Contains("'rtt_ms'", ex.Message);
    }

    [Fact]
    public void VectorizedEnvironment_SpecsDiffer_ThrowsDescribingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => new VectorizedEnvironment([Problems.ConstrainedBandit(), Problems.ContextualBandit()]));

        Assert.Contains("Environment 1", ex.Message);
    }

    [Fact]
    public void VectorizedEnvironment_MaskedAction_ThrowsNamingActionAndEnvironment()
    {
        var env = TableBandit.Unconstrained(new float[,] { { 1f, 0f } }, (_, _) => [false, true]);
        var vector = new VectorizedEnvironment([env]);
        vector.Reset(0);

        var ex = Assert.Throws<InvalidOperationException>(() => vector.Step([0], new List<EpisodeStatistics>()));

        Assert.Contains("Action 0", ex.Message);
        Assert.Contains("environment 0", ex.Message);
    }

    [Fact]
    public void Adam_ZeroLearningRate_ThrowsNamingValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([new Parameter("w", 2)], 0));

        Assert.Contains("Learning rate", ex.Message);
    }

    [Fact]
    public void Mlp_InputOfWrongLength_ThrowsNamingShapes()
    {
        var mlp = Mlp.Create("pi", 3, [4], 2, Activation.Tanh, WeightInit.PolicyHead, new Random(0));

        var ex = Assert.Throws<ArgumentException>(() => mlp.Forward(new float[5], 2));

        Assert.Contains("2×3", ex.Message);
    }
}
