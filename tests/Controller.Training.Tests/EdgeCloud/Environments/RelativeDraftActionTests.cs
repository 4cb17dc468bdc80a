using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;
using Controller.Training.EdgeCloud.Environments;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.Tests.EdgeCloud.Environments;

/// <summary>
/// Draft lengths relative to the planner's k* (<see cref="RelativeDraftActionSpace"/>, <see cref="RelativeDraftEnvironment"/>):
/// the renaming loses no decision and admits none the absolute mask forbids.
/// </summary>
public sealed class RelativeDraftActionTests
{
    private static readonly EdgeCloudEnvironmentOptions Options = new();
    private static readonly RelativeDraftActionSpace Space = RelativeDraftActionSpace.Get(EdgeCloudWorkload.ModalitySlots, 8);

    [Fact]
    public void Space_ThreeSlotsKEight_HasLocalCloudAndFifteenOffsetsPerSubset()
    {
        Assert.Equal(1 + 8 + (8 * 15), Space.Count);
        Assert.Equal(-7, Space.Offset(Space.Absolute.FirstSpeculativeIndex));
        Assert.Equal(7, Space.Offset(Space.Count - 1));
        Assert.Equal("spec{} k*", Space.Label(Space.SpeculativeIndex(0, 0)));
        Assert.Equal("spec{} k*-2", Space.Label(Space.SpeculativeIndex(0, -2)));
        Assert.Equal("cloud{0}", Space.Label(2));
    }

    [Fact]
    public void ToAbsolute_OffsetZero_IsThePlannersDraftLength()
    {
        // LTE at RTT 20 vs 300 ms: the planner's k* grows with RTT, and offset 0 follows it.
        foreach (var rtt in new[] { 20.0, 300 })
        {
            var decision = EdgeCloudSanityChecks.Scenario(Options, rtt: rtt);
            var expected = DraftLengthPlanner.BestDraftLength(decision.AlphaEstimate(0), decision.Round!, decision.DraftLengthCap);
            var absolute = Space.ToAbsolute(decision, Space.SpeculativeIndex(0, 0));
            Assert.Equal(new CompositeAction(Location.Speculative, 0, expected), decision.Space.Decode(absolute));
        }

        Assert.True(EdgeCloudSanityChecks.Scenario(Options, rtt: 300).ThroughputOptimalDraftLength(0)
            > EdgeCloudSanityChecks.Scenario(Options, rtt: 20).ThroughputOptimalDraftLength(0));
    }

    [Fact]
    public void ToAbsolute_LocalAndCloud_AreUnchanged()
    {
        var decision = EdgeCloudSanityChecks.Scenario(Options);
        for (var action = 0; action < Space.Absolute.FirstSpeculativeIndex; action++)
        {
            Assert.Equal(action, Space.ToAbsolute(decision, action));
        }
    }

    [Fact]
    public void ToAbsolute_OffsetBeyondOneToK_ThrowsNamingTheDraftLength()
    {
        var decision = EdgeCloudSanityChecks.Scenario(Options, rtt: 20);
        var anchor = decision.ThroughputOptimalDraftLength(0);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Space.ToAbsolute(decision, Space.SpeculativeIndex(0, -anchor)));
        Assert.Contains("k = 0", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Space.ToAbsolute(decision, Space.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => Space.ToAbsolute(decision, -1));
    }

    [Fact]
    public void Mask_EveryRequestOfManyWindows_AllowedRelativeAndAbsoluteActionsCorrespondOneToOne()
    {
        var environment = EdgeCloudTestWorld.Create();
        var relative = new bool[Space.Count];
        var checkedRequests = 0;
        for (var seed = 0; seed < 12; seed++)
        {
            EdgeCloudTestWorld.PlayWindow(environment, seed, (env, mask) =>
            {
                Space.Mask(env.Decision, mask, relative);
                var reached = new HashSet<int>();
                for (var a = 0; a < Space.Count; a++)
                {
                    if (relative[a])
                    {
                        var absolute = Space.ToAbsolute(env.Decision, a);
                        Assert.True(mask[absolute], $"{Space.Label(a)} maps to {env.Describe(absolute)}, which the absolute mask forbids");
                        Assert.True(reached.Add(absolute), $"{env.Describe(absolute)} is reached twice");
                        Assert.Equal(a, Space.FromAbsolute(env.Decision, absolute));
                    }
                }

                Assert.Equal(mask.Count(m => m), reached.Count);
                checkedRequests++;
                return env.Fallback;
            });
        }

        Assert.True(checkedRequests > 100, $"only {checkedRequests} requests checked");
    }

    [Fact]
    public void Mask_DecisionOfAnotherK_ThrowsNamingBothSpaces()
    {
        var decision = EdgeCloudSanityChecks.Scenario(Options with { MaxDraftLength = 4 });
        var absolute = new bool[decision.Space.Count];
        var relative = new bool[Space.Count];

        var ex = Assert.Throws<ArgumentException>(() => Space.Mask(decision, absolute, relative));

        Assert.Contains("K = 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("K = 8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_SpeculationAllowedOnADownLink_Throws()
    {
        var up = EdgeCloudSanityChecks.Scenario(Options);
        var down = EdgeCloudDecision.Create(up.NominalDevice, 1, up.Network, ChannelState.Down, 1, up.Request, 8, 0.8, 0.8, 0.5);
        var absolute = new bool[down.Space.Count];
        absolute[down.Space.SpeculativeIndex(0, 2)] = true;

        Assert.Throws<ArgumentException>(() => Space.Mask(down, absolute, new bool[Space.Count]));
    }

    [Fact]
    public void Mask_DownLink_AllowsOnlyLocal()
    {
        var environment = new RelativeDraftEnvironment(EdgeCloudTestWorld.Create(channel: ChannelState.Down));
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        environment.Reset(3, observation, mask);
        Assert.True(mask[0]);
        Assert.Equal(1, mask.Count(m => m));
    }

    [Fact]
    public void Step_RelativeAction_PlaysTheSameWindowAsItsAbsoluteAction()
    {
        // Two copies of one device: one stepped with relative actions, one with their absolute translation.
        var relative = new RelativeDraftEnvironment(EdgeCloudTestWorld.Create());
        var absolute = EdgeCloudTestWorld.Create();
        var observationR = new float[relative.Spec.ObservationSize];
        var observationA = new float[absolute.Spec.ObservationSize];
        var maskR = new bool[relative.Spec.ActionCount];
        var maskA = new bool[absolute.Spec.ActionCount];
        var costsR = new float[3];
        var costsA = new float[3];
        relative.Reset(7, observationR, maskR);
        absolute.Reset(7, observationA, maskA);
        var random = new Random(1);
        var done = false;
        var speculative = 0;
        while (!done)
        {
            var allowed = Enumerable.Range(0, maskR.Length).Where(a => maskR[a]).ToList();
            var action = allowed[random.Next(allowed.Count)];
            var resultR = relative.Step(action, observationR, maskR, costsR);
            var resultA = absolute.Step(relative.Space.ToAbsolute(absolute.Decision, action) is var a ? a : 0, observationA, maskA, costsA);
            Assert.Equal(resultA, resultR);
            Assert.Equal(costsA, costsR);
            Assert.Equal(observationA, observationR);
            speculative += absolute.LastOutcome.Location == Location.Speculative ? 1 : 0;
            done = resultR.Done;
        }

        Assert.True(speculative > 5, $"only {speculative} speculative requests; the test would not exercise the translation");
    }

    [Fact]
    public void PriorLogits_OffsetsFromKStar_FallOneNatPerStep()
    {
        var prior = Space.PriorLogits();
        Assert.All(prior[..Space.Absolute.FirstSpeculativeIndex], p => Assert.Equal(0f, p));
        Assert.Equal(0f, prior[Space.SpeculativeIndex(3, 0)]);
        Assert.Equal(-2f, prior[Space.SpeculativeIndex(3, 2)]);
        Assert.Equal(-7f, prior[Space.SpeculativeIndex(7, -7)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Space.PriorLogits(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Space.PriorLogits(-1));
    }
}
