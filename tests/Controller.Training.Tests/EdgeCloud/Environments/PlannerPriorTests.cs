using Controller.Learning.Nn;
using Controller.Learning.Policies;
using Controller.Training.EdgeCloud.Baselines;
using Controller.Training.EdgeCloud.Environments;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.Tests.EdgeCloud.Environments;

/// <summary>
/// The planner's log-prior (<see cref="PlannerPrior"/>): β·ln(rate / best rate) over the allowed actions, the same in the
/// relative action space, and added to a learned policy's logits when it is served.
/// </summary>
public sealed class PlannerPriorTests
{
    private static readonly EdgeCloudEnvironmentOptions Options = new();

    [Fact]
    public void Write_PoorLinkBusyCloud_IsBetaTimesLogRateRatioAndZeroForTheBest()
    {
        var decision = EdgeCloudSanityChecks.PoorLinkBusyCloud(Options);
        var mask = Enumerable.Range(0, decision.Space.Count).Select(decision.IsStructurallyAllowed).ToArray();
        var prior = new float[mask.Length];

        PlannerPrior.Write(decision, mask, 5, prior);

        var best = Enumerable.Range(0, mask.Length).Where(a => mask[a]).Max(decision.ExpectedRate);
        Assert.Equal(0f, prior[0], 5); // local has the best expected rate here (10.9 vs 8.3 QW tok/s for cloud)
        for (var a = 0; a < mask.Length; a++)
        {
            var expected = mask[a] ? 5 * Math.Log(decision.ExpectedRate(a) / best) : 0;
            Assert.Equal(expected, prior[a], 4);
        }

        Assert.InRange(prior[decision.CloudAllPresent], -1.5f, -1.2f); // 5·ln(8.33/10.94) ≈ −1.36
    }

    [Fact]
    public void Write_BetaZero_IsUniform()
    {
        var decision = EdgeCloudSanityChecks.Scenario(Options);
        var mask = Enumerable.Range(0, decision.Space.Count).Select(decision.IsStructurallyAllowed).ToArray();
        var prior = Enumerable.Repeat(9f, mask.Length).ToArray();

        PlannerPrior.Write(decision, mask, 0, prior);

        Assert.All(prior, p => Assert.Equal(0f, p));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e39)]
    public void Write_BadSharpness_ThrowsNamingIt(double sharpness)
    {
        var decision = EdgeCloudSanityChecks.Scenario(Options);
        var mask = new bool[decision.Space.Count];
        mask[0] = true;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PlannerPrior.Write(decision, mask, sharpness, new float[mask.Length]));
        Assert.Contains("β", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SpansOfTheWrongLength_ThrowNamingTheCounts()
    {
        var decision = EdgeCloudSanityChecks.Scenario(Options);
        var count = decision.Space.Count;

        var ex = Assert.Throws<ArgumentException>(() => PlannerPrior.Write(decision, new bool[count - 1], 5, new float[count]));
        Assert.Contains($"{count} actions", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PlannerPrior.Write(decision, new bool[count], 5, new float[count + 1]));
    }

    [Fact]
    public void PriorSharpness_OutsideZeroToHundred_IsRefused()
    {
        var environment = EdgeCloudTestWorld.Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => environment.PriorSharpness = 101);
        Assert.Throws<ArgumentOutOfRangeException>(() => environment.PriorSharpness = double.NaN);
        environment.PriorSharpness = 100;
        Assert.Equal(100, environment.PriorSharpness);
    }

    [Fact]
    public void RelativeEnvironment_EveryRequestOfAWindow_PriorIsTheAbsoluteOneRenamed()
    {
        var inner = EdgeCloudTestWorld.Create();
        inner.PriorSharpness = 5;
        var relative = new RelativeDraftEnvironment(inner);
        var observation = new float[relative.Spec.ObservationSize];
        var mask = new bool[relative.Spec.ActionCount];
        var costs = new float[relative.Spec.CostCount];
        var prior = new float[mask.Length];
        var absolutePrior = new float[inner.Spec.ActionCount];
        relative.Reset(3, observation, mask);
        var done = false;
        var requests = 0;
        while (!done)
        {
            relative.WriteLogPrior(prior);
            inner.WriteLogPrior(absolutePrior);
            for (var a = 0; a < mask.Length; a++)
            {
                var absolute = mask[a] ? relative.Space.ToAbsolute(inner.Decision, a) : -1;
                Assert.Equal(mask[a] ? absolutePrior[absolute] : 0f, prior[a]);
            }

            done = relative.Step(Array.IndexOf(mask, true), observation, mask, costs).Done;
            requests++;
        }

        Assert.True(requests > 10, $"only {requests} requests in the window");
    }

    [Fact]
    public void LearnedPolicy_ZeroNetworkWithSharpPrior_ActsAsTheGreedyRatePlanner()
    {
        // A network that outputs 0 everywhere leaves only the prior, and at β = 60 the prior's argmax carries nearly all
        // the mass, so the policy must pick what the greedy expected-rate planner picks.
        var policy = ZeroPolicy();
        var learned = new EdgeCloudLearnedPolicy("zero", policy, DraftLengthActions.RelativeToPlanner, Options, priorSharpness: 60);
        var greedy = BestExpectedPolicy.GreedyRate();
        var environment = EdgeCloudTestWorld.Create();
        var compared = 0;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            EdgeCloudTestWorld.PlayWindow(environment, seed, (env, observation, mask) =>
            {
                var choice = learned.ChooseAction(env, observation, mask);
                Assert.Equal(env.Describe(greedy.ChooseAction(env, observation, mask)), env.Describe(choice));
                compared++;
                return choice;
            });
        }

        Assert.True(compared > 30, $"only {compared} requests compared");
    }

    [Fact]
    public void LearnedPolicy_SharpnessZeroOrMissing_HasNoPriorAndAnotherDeviceKeepsIt()
    {
        var policy = ZeroPolicy();

        Assert.Null(new EdgeCloudLearnedPolicy("zero", policy, DraftLengthActions.RelativeToPlanner, Options, priorSharpness: 0).PriorSharpness);
        Assert.Null(new EdgeCloudLearnedPolicy("zero", policy, DraftLengthActions.RelativeToPlanner, Options).PriorSharpness);
        Assert.Equal(5, new EdgeCloudLearnedPolicy("zero", policy, DraftLengthActions.RelativeToPlanner, Options, 5).ForAnotherDevice().PriorSharpness);
    }

    /// <summary>A policy over the relative draft-length space whose network outputs 0 for every action.</summary>
    private static Policy ZeroPolicy()
    {
        var space = RelativeDraftActionSpace.Get(EdgeCloudWorkload.ModalitySlots, Options.MaxDraftLength);
        var network = Mlp.CreateZeroed("pi", EdgeCloudObservation.Size, [4], space.Count, Activation.Tanh);
        return new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(EdgeCloudObservation.Names),
            new ActionSpec(Enumerable.Range(0, space.Count).Select(space.Label).ToArray()));
    }
}
