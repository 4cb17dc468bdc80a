using Controller.Learning.Algorithms;
using Controller.Learning.Constraints;
using Controller.Learning.Tests.KnownAnswer;

namespace Controller.Learning.Tests.Algorithms;

/// <summary>The one place that parses learner names and builds learners, and the one rule for their labels.</summary>
public sealed class LearnerCatalogTests
{
    [Theory]
    [InlineData("rc-ppo", typeof(Ppo), "RC-PPO")]
    [InlineData("rc-a2c", typeof(A2c), "RC-A2C")]
    [InlineData("rc-dqn", typeof(Dqn), "RC-DQN")]
    [InlineData("ppo", typeof(Ppo), "PPO")]
    [InlineData("a2c", typeof(A2c), "A2C")]
    [InlineData("DQN", typeof(Dqn), "DQN")]
    public void Create_EveryName_BuildsItsAlgorithmLabelledAsParsed(string name, Type algorithm, string label)
    {
        var kind = LearnerKind.Parse(name);
        var constraints = kind.Constrained
            ? new ConstraintSettings([new ConstraintBudget("spend", Problems.ConstrainedBudget)])
            : ConstraintSettings.None;

        var learner = LearnerCatalog.Create(kind, new TrainingSetup([Problems.ConstrainedBandit()], 0) { Constraints = constraints }, 64);

        Assert.IsType(algorithm, learner);
        Assert.Equal(label, kind.Label);
        Assert.Equal(label, learner.Name);
        Assert.Equal(kind.Constrained ? 1 : 0, learner.Multipliers.Count);
    }

    [Fact]
    public void Create_DqnWithoutOverride_SizesReplayBufferToTheRun()
    {
        var learner = (Dqn)LearnerCatalog.Create(LearnerKind.Parse("dqn"), new TrainingSetup([Problems.ConstrainedBandit()], 0), 5_000);

        Assert.Equal(5_000, learner.Hyperparameters.BufferSize);
    }

    [Fact]
    public void Create_PpoOverride_UsesTheGivenHyperparameters()
    {
        var overrides = new LearnerHyperparameters(Ppo: new PpoHyperparameters(StepsPerRollout: 32, EntropyCoefficient: 0.01));

        var learner = LearnerCatalog.Create(LearnerKind.Parse("ppo"), new TrainingSetup([Problems.ConstrainedBandit()], 0), 64, overrides);

        Assert.Same(overrides.Ppo, learner.Hyperparameters);
    }

    [Fact]
    public void Create_UnknownFamily_ThrowsListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            LearnerCatalog.Create(new LearnerKind("sarsa", "sarsa", false), new TrainingSetup([Problems.ConstrainedBandit()], 0), 64));

        Assert.Contains("ppo, a2c, dqn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownBackend_ThrowsListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            LearnerCatalog.Create(LearnerKind.Parse("ppo"), new TrainingSetup([Problems.ConstrainedBandit()], 0), 64, backend: "jax"));

        Assert.Contains("'jax'", error.Message, StringComparison.Ordinal);
        Assert.Contains("managed, torchsharp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TorchSharpNotLoadedInThisProcess_ThrowsSayingSo()
    {
        // This test assembly never references Controller.Learning.TorchSharp, so nothing registered the backend.
        var error = Assert.Throws<ArgumentException>(() =>
            LearnerCatalog.Create(LearnerKind.Parse("ppo"), new TrainingSetup([Problems.ConstrainedBandit()], 0), 64, backend: LearnerCatalog.TorchSharpBackendName));

        Assert.Contains("'torchsharp' backend is not loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ManagedBackendByName_BuildsTheSameLearnerAsTheDefault()
    {
        var setup = new TrainingSetup([Problems.ConstrainedBandit()], 0);

        var named = LearnerCatalog.Create(LearnerKind.Parse("ppo"), setup, 64, backend: LearnerCatalog.ManagedBackendName);

        Assert.IsType<Ppo>(named);
        Assert.True(LearnerCatalog.IsRegistered(LearnerCatalog.ManagedBackendName));
    }

    [Fact]
    public void Parse_UnknownName_ThrowsListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => LearnerKind.Parse("sarsa"));

        Assert.Contains("rc-ppo, rc-a2c, rc-dqn, ppo, a2c, dqn", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ppo", false, "PPO")]
    [InlineData("a2c", true, "RC-A2C")]
    public void LabelOf_FamilyAndForm_CapitalisedCommandLineName(string family, bool constrained, string label) =>
        Assert.Equal(label, LearnerKind.LabelOf(family, constrained));
}
