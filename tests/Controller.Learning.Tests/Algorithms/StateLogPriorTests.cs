using Controller.Learning.Algorithms;
using Controller.Learning.Environments;
using Controller.Learning.Nn;
using Controller.Learning.Policies;
using Controller.Learning.Tests.Environments;
using Controller.Learning.Tests.KnownAnswer;

namespace Controller.Learning.Tests.Algorithms;

/// <summary>
/// <see cref="TrainingSetup.StateLogPrior"/>: how the per-state prior reaches the learner and the served policy, and what
/// happens when it is missing or broken.
/// </summary>
public sealed class StateLogPriorTests
{
    [Fact]
    public void ActorCriticEvaluate_WithLogPrior_IsMaskedLogSoftmaxOfLogitsPlusPrior()
    {
        var model = ActorCritic.Create(2, 3, 0, [4], Activation.Tanh, new Random(5));
        float[] observations = [0.3f, -0.7f];
        bool[] mask = [true, false, true];
        float[] prior = [1.5f, 9f, -0.5f];
        var logits = model.Policy.Forward(observations, 1).ToArray();

        model.Evaluate(observations, mask, [2], 1, prior);

        var z0 = logits[0] + prior[0];
        var z2 = logits[2] + prior[2];
        var logSum = Math.Log(Math.Exp(z0) + Math.Exp(z2));
        Assert.Equal(z0 - logSum, model.LogProbabilities[0], 5);
        Assert.True(float.IsNegativeInfinity(model.LogProbabilities[1]));
        Assert.Equal(z2 - logSum, model.ActionLogProbabilities[0], 5);
    }

    [Fact]
    public void PolicyActionProbabilities_WithLogPrior_AddsItToTheLogits()
    {
        var network = Mlp.CreateZeroed("pi", 2, [3], 3, Activation.Tanh);
        var policy = new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(2), ActionSpec.Unnamed(3));
        var probabilities = new float[3];

        policy.ActionProbabilities([1f, 2f], [true, true, true], probabilities, [0f, MathF.Log(3), 0f]);

        Assert.Equal(0.2f, probabilities[0], 5);
        Assert.Equal(0.6f, probabilities[1], 5);
        Assert.Equal(1, policy.Act([1f, 2f], [true, true, true], logPrior: [0f, MathF.Log(3), 0f]).Action);
    }

    [Fact]
    public void Collector_TwoEnvironmentsMultiStepEpisodes_StoresEachRowsPriorAndTheUpdateReproducesItsLogProbabilities()
    {
        // Two environments, 3-step episodes: rows are [step, env], priors are read after steps and after automatic resets.
        float[,] means = { { 0.1f, 0.5f, 0.9f }, { 0.7f, 0.2f, 0.4f }, { 0.3f, 0.8f, 0.6f } };
        NoisyBandit[] envs = [.. Enumerable.Range(0, 2).Select(_ => new NoisyBandit([0.3, 0.3, 0.4], means, noise: 0.1) { PriorSharpness = 3, StepsPerEpisode = 3 })];
        var vector = new VectorizedEnvironment(envs, readLogPriors: true);
        var model = ActorCritic.Create(3, 3, 0, [8], Activation.Tanh, new Random(4));
        var multipliers = new Controller.Learning.Constraints.LagrangeMultipliers(Controller.Learning.Constraints.ConstraintSettings.None, vector.Spec);
        var collector = new OnPolicyCollector(vector, model, ObservationSpec.Identity(3), multipliers, new Random(5), 0.99, seed: 6);
        var buffer = new Controller.Learning.Buffers.RolloutBuffer(7, 2, 3, 3, 0, statePrior: true);

        collector.Collect(buffer);

        Assert.Equal(4, collector.Finished.Count); // 14 steps of 3-step episodes in 2 environments
        for (var i = 0; i < buffer.Size; i++)
        {
            var context = Array.IndexOf(buffer.Observations, 1f, i * 3, 3) - (i * 3);
            Assert.Equal([3 * means[context, 0], 3 * means[context, 1], 3 * means[context, 2]], buffer.LogPriors!.AsSpan(i * 3, 3).ToArray());
        }

        model.Evaluate(buffer.Observations, buffer.Masks, buffer.Actions, buffer.Size, buffer.LogPriors);
        for (var i = 0; i < buffer.Size; i++)
        {
            Assert.Equal(buffer.LogProbabilities[i], model.ActionLogProbabilities[i], 5);
        }

        model.Evaluate(buffer.Observations, buffer.Masks, buffer.Actions, buffer.Size);
        Assert.Contains(Enumerable.Range(0, buffer.Size), i => Math.Abs(buffer.LogProbabilities[i] - model.ActionLogProbabilities[i]) > 0.1);
    }

    [Fact]
    public void Minibatch_PriorsOnOneSideOnly_ThrowsEitherWay()
    {
        var withPriors = new Controller.Learning.Buffers.RolloutBuffer(2, 1, 1, 2, 0, statePrior: true);
        var without = new Controller.Learning.Buffers.RolloutBuffer(2, 1, 1, 2, 0);

        Assert.Throws<ArgumentException>(() => new Controller.Learning.Buffers.Minibatch(2, 1, 2, 0).Gather(withPriors, [0, 1]));
        Assert.Throws<ArgumentException>(() => new Controller.Learning.Buffers.Minibatch(2, 1, 2, 0, statePrior: true).Gather(without, [0, 1]));
    }

    [Fact]
    public void PolicyActionProbabilities_QValueHeadWithLogPrior_Throws()
    {
        var network = Mlp.CreateZeroed("q", 2, [3], 3, Activation.Tanh);
        var policy = new Policy(network, PolicyHead.QValues, ObservationSpec.Identity(2), ActionSpec.Unnamed(3));

        var ex = Assert.Throws<ArgumentException>(() => policy.ActionProbabilities([1f, 2f], [true, true, true], new float[3], [0f, 1f, 0f]));

        Assert.Contains("Q-values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyActionProbabilities_LogPriorOfWrongLength_ThrowsNamingBothCounts()
    {
        var network = Mlp.CreateZeroed("pi", 2, [3], 3, Activation.Tanh);
        var policy = new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(2), ActionSpec.Unnamed(3));

        var ex = Assert.Throws<ArgumentException>(() => policy.ActionProbabilities([1f, 2f], [true, true, true], new float[3], [0f, 1f]));

        Assert.Contains("3 actions", ex.Message, StringComparison.Ordinal);
        Assert.Contains("log-prior of 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ppo_StatePriorOnEnvironmentWithoutOne_ThrowsNamingTheEnvironment()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Ppo(new TrainingSetup([Problems.ContextualBandit()]) { StateLogPrior = true }));

        Assert.Contains("IActionPrior", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TableBandit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A2c_StatePriorOnEnvironmentWithoutOne_ThrowsNamingTheEnvironment()
    {
        var ex = Assert.Throws<ArgumentException>(() => new A2c(new TrainingSetup([Problems.ContextualBandit()]) { StateLogPrior = true }));

        Assert.Contains("IActionPrior", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VectorizedEnvironment_Prior_IsReadPerState()
    {
        var env = new NoisyBandit([0.5, 0.5], new float[,] { { 1f, 2f }, { 3f, 4f } }, noise: 0) { PriorSharpness = 2 };
        var vector = new VectorizedEnvironment([env], readLogPriors: true);

        vector.Reset(7);

        var context = Array.IndexOf(vector.Observations, 1f);
        Assert.Equal([2f * ((2 * context) + 1), 2f * ((2 * context) + 2)], vector.LogPriors!);
    }

    [Fact]
    public void VectorizedEnvironment_NonFinitePriorOnAllowedAction_ThrowsNamingEnvironmentAndAction()
    {
        var env = new NoisyBandit([1.0], new float[,] { { 1f, float.NaN } }, noise: 0);
        var vector = new VectorizedEnvironment([env], readLogPriors: true);

        var ex = Assert.Throws<InvalidOperationException>(() => vector.Reset(0));

        Assert.Contains("Environment 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("action 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VectorizedEnvironment_PriorsNotAskedFor_AreNotRead()
    {
        var env = new NoisyBandit([1.0], new float[,] { { 1f, float.NaN } }, noise: 0);

        Assert.Null(new VectorizedEnvironment([env]).LogPriors);
        Assert.Null(new VectorizedEnvironment([Problems.ContextualBandit()]).LogPriors);
    }

    [Fact]
    public void VectorizedEnvironment_PriorsAskedOfAnEnvironmentWithout_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new VectorizedEnvironment([Problems.ContextualBandit()], readLogPriors: true));

        Assert.Contains("TableBandit", ex.Message, StringComparison.Ordinal);
    }
}
