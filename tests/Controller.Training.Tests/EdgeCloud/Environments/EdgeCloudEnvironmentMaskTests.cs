using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.Tests.EdgeCloud.Environments;

public sealed class EdgeCloudEnvironmentMaskTests
{
    [Fact]
    public void Mask_DownLink_AllowsNoCloudOrSpeculativeAction()
    {
        var environment = EdgeCloudTestWorld.Create(channel: ChannelState.Down);
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        var costs = new float[environment.Spec.CostCount];
        environment.Reset(3, observation, mask);
        for (var request = 0; request < 10; request++)
        {
            Assert.True(mask[0], "local must stay allowed on a down link");
            for (var action = 1; action < mask.Length; action++)
            {
                Assert.False(mask[action], $"{environment.Describe(action)} is allowed on a down link");
            }

            environment.Step(0, observation, mask, costs);
            Assert.Equal(Location.Local, environment.LastOutcome.Location);
        }
    }

    [Fact]
    public void Mask_TightMemory_AllowsNoDraftLengthAboveTheCap()
    {
        var environment = EdgeCloudTestWorld.Create(new EdgeCloudEnvironmentOptions { MaskOverBudget = false });
        var space = environment.Space;
        var capsBelowK = 0;
        var checkedRequests = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            EdgeCloudTestWorld.PlayWindow(environment, seed, (env, mask) =>
            {
                var decision = env.Decision;
                var cap = decision.Device.DraftLengthCap(decision.Request.FreeMemoryMb, space.MaxDraftLength);
                Assert.Equal(cap, decision.DraftLengthCap);
                capsBelowK += cap < space.MaxDraftLength ? 1 : 0;
                checkedRequests++;
                var up = decision.Channel.IsUp;
                for (var action = space.FirstSpeculativeIndex; action < space.Count; action++)
                {
                    var chosen = space.Decode(action);
                    if (chosen.DraftLength > cap)
                    {
                        Assert.False(mask[action], $"{env.Describe(action)} allowed with memory cap {cap}");
                    }
                    else if (up && (chosen.ModalityMask & ~decision.PresentMask) == 0)
                    {
                        Assert.True(mask[action], $"{env.Describe(action)} masked although k ≤ cap {cap} (budget mask off)");
                    }
                }

                return 0;
            });
        }

        Assert.True(capsBelowK > 20, $"only {capsBelowK} of {checkedRequests} requests had a memory cap below K; the test would not exercise the cap");
    }

    [Fact]
    public void Mask_AbsentModality_IsNeverAllowed()
    {
        var environment = EdgeCloudTestWorld.Create(new EdgeCloudEnvironmentOptions { MaskOverBudget = false }, new ChannelState(20, 100, 30, true));
        var space = environment.Space;
        var sawPartial = false;
        EdgeCloudTestWorld.PlayWindow(environment, 5, (env, mask) =>
        {
            var present = env.Decision.Request.PresentMask;
            sawPartial |= present != (1 << space.ModalityCount) - 1;
            for (var action = 1; action < space.Count; action++)
            {
                var uploads = space.Decode(action).ModalityMask;
                if ((uploads & ~present) != 0)
                {
                    Assert.False(mask[action], $"{env.Describe(action)} uploads an absent modality (present mask {present})");
                }
            }

            Assert.True(mask[space.CloudIndex(space.RankOf(present))], "cloud with every present modality must be allowed on an up link");
            return 0;
        });
        Assert.True(sawPartial);
    }

    [Fact]
    public void Mask_BudgetNearlySpent_KeepsOnlyTheFallbackAndAffordableActions()
    {
        var options = new EdgeCloudEnvironmentOptions { EnergyBudgetJoules = 50, SpendBudgetUsd = 0.001 };
        var environment = EdgeCloudTestWorld.Create(options, new ChannelState(20, 100, 30, true));
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        environment.Reset(1, observation, mask);

        Assert.True(mask[environment.Fallback]);
        Assert.Equal(1, mask.Count(m => m));
        var unmasked = EdgeCloudTestWorld.Create(options with { MaskOverBudget = false }, new ChannelState(20, 100, 30, true));
        unmasked.Reset(1, observation, mask);
        Assert.True(mask.Count(m => m) > 10);
    }

    [Fact]
    public void Mask_AmpleBudget_EqualsTheStructuralMask()
    {
        var options = new EdgeCloudEnvironmentOptions { EnergyBudgetJoules = 1e7, SpendBudgetUsd = 1e4 };
        var environment = EdgeCloudTestWorld.Create(options);
        EdgeCloudTestWorld.PlayWindow(environment, 2, (env, mask) =>
        {
            for (var action = 0; action < mask.Length; action++)
            {
                Assert.Equal(env.Decision.IsStructurallyAllowed(action), mask[action]);
            }

            return 0;
        });
    }
}
