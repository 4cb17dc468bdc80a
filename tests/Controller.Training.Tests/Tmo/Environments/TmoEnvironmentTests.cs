using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Environments;

public sealed class TmoEnvironmentTests
{
    [Fact]
    public void Spec_ThreeModalitiesFourTasks_SizesMatchEveryObservationMode()
    {
        var dataset = TmoFixtures.Synthetic();

        var byDefault = TmoFixtures.Environment(dataset);
        var improved = TmoFixtures.Environment(dataset, options: new TmoEnvironmentOptions { Observation = TmoObservationMode.Improved });
        var reference = TmoFixtures.Environment(dataset, options: new TmoEnvironmentOptions { Observation = TmoObservationMode.Reference });

        Assert.Equal(TmoObservationMode.ImprovedWithRewards, byDefault.Options.Observation);
        Assert.Equal(improved.Spec.ObservationSize + 9, byDefault.Spec.ObservationSize);
        Assert.Equal(byDefault.Spec.ObservationSize, byDefault.ObservationNames.Count);
        Assert.Equal(5 * (3 + 3 + 4) + 3, improved.Spec.ObservationSize);
        Assert.Equal(improved.Spec.ObservationSize, improved.ObservationNames.Count);
        Assert.Equal(25, reference.Spec.ObservationSize);
        Assert.Equal(9, improved.Spec.ActionCount);
        Assert.Equal(["latency_s", "usage_usd"], improved.Spec.CostNames);
    }

    [Fact]
    public void Step_Local_RewardIsScoreAndCostsAreLocalProfile()
    {
        var environment = TmoFixtures.Environment(TmoFixtures.Synthetic());
        var (observation, mask, costs) = Buffers(environment);
        environment.ResetTo(environment.Problem.Dataset.Dialogues[0], observation, mask);

        var result = environment.Step(ModalityActionSpace.Local, observation, mask, costs);

        // Local: Ā = L̄ = Ū = 0, so r = α·R̂ = 0.7.
        Assert.Equal(0.7f, result.Reward, 6);
        Assert.Equal((float)TmoDeviceProfile.Default.LocalLatencyS, costs[0]);
        Assert.Equal((float)TmoDeviceProfile.Default.LocalUsageUsd, costs[1]);
        Assert.False(result.Done);
    }

    [Fact]
    public void Step_CloudAllViews_RewardMatchesHandComputedTerms()
    {
        var environment = TmoFixtures.Environment(TmoFixtures.Synthetic(), network: "wired");
        var (observation, mask, costs) = Buffers(environment);
        environment.ResetTo(environment.Problem.Dataset.Dialogues[0], observation, mask);

        var result = environment.Step(8, observation, mask, costs);

        // R̂ = 1.0 + 0.1·3 = 1.3; Ā = 1; L̄ = Ū = 1 (k = 3 is the most expensive on Wired).
        Assert.Equal((float)(1.3 + (1.0 / 3) - (1.0 / 3) - (1.0 / 3)), result.Reward, 6);
        Assert.Equal(6.98211f, costs[0]);
        Assert.Equal(0.01368f, costs[1]);
    }

    [Fact]
    public void Mask_4GAfterAllViews_ForbidsSecondImageCallButKeepsTextAndLocal()
    {
        var environment = TmoFixtures.Environment(TmoFixtures.Synthetic());
        var (observation, mask, costs) = Buffers(environment);
        environment.ResetTo(environment.Problem.Dataset.Dialogues[0], observation, mask);
        Assert.All(mask.ToArray(), Assert.True);

        environment.Step(8, observation, mask, costs);

        // 19.573 s spent: another image call (≥ 16.603 s) overruns 30 s; text only (0.5 s) fits.
        Assert.True(mask[0]);
        Assert.True(mask[1]);
        Assert.All(mask[2..].ToArray(), Assert.False);
        var error = Assert.Throws<InvalidOperationException>(() => environment.Step(2, observation, mask, costs));
        Assert.Contains("action 2 (cloud+0) is masked", error.Message);
    }

    [Fact]
    public void Mask_Switchedoff_AllowsOverrun()
    {
        var environment = TmoFixtures.Environment(TmoFixtures.Synthetic(), options: new TmoEnvironmentOptions { MaskOverBudget = false });
        var (observation, mask, costs) = Buffers(environment);
        environment.ResetTo(environment.Problem.Dataset.Dialogues[0], observation, mask);

        environment.Step(8, observation, mask, costs);
        environment.Step(8, observation, mask, costs);

        Assert.All(mask.ToArray(), Assert.True);
        Assert.Equal(2 * 19.573, environment.SpentLatencyS, 9);
    }

    [Fact]
    public void Observation_Improved_NormalisedWithRemainingBudgets()
    {
        var environment = TmoFixtures.Environment(TmoFixtures.Synthetic(), options: new TmoEnvironmentOptions { Observation = TmoObservationMode.Improved });
        var (observation, mask, costs) = Buffers(environment);
        environment.ResetTo(environment.Problem.Dataset.Dialogues[0], observation, mask);

        environment.Step(5, observation, mask, costs);

        Assert.All(observation.ToArray(), v => Assert.InRange(v, -1f, 1f));
        var progress = observation[^3..];
        Assert.Equal((float)(1 - (17.636 / 30)), progress[0], 5);
        Assert.Equal((float)(1 - (0.00945 / 0.05)), progress[1], 5);
        Assert.Equal(1f / 5, progress[2], 6);

        // Newest window slot: present, previous cloud, views 0 and 1, task of turn 1 (id 1).
        var newest = observation[40..50];
        Assert.Equal([1f, 0, 1, 1, 1, 0, 0, 1, 0, 0], newest);
    }

    [Fact]
    public void Observation_ImprovedWithRewards_EndsWithEveryActionsEstimatedReward()
    {
        var options = new TmoEnvironmentOptions { Observation = TmoObservationMode.ImprovedWithRewards };
        var environment = TmoFixtures.Environment(TmoFixtures.Synthetic(), network: "wired", options: options);
        var (observation, mask, _) = Buffers(environment);

        environment.ResetTo(environment.Problem.Dataset.Dialogues[0], observation, mask);

        Assert.Equal((5 * (3 + 3 + 4)) + 3 + 9, environment.Spec.ObservationSize);
        Assert.Equal(environment.Spec.ObservationSize, environment.ObservationNames.Count);
        Assert.Equal("estimated_reward/cloud+0+1+2", environment.ObservationNames[^1]);

        // Local: r = R̂ = 0.7. All views on Wired: 1.3 + 1/3 − 1/3 − 1/3.
        Assert.Equal(0.7f, observation[^9], 5);
        Assert.Equal((float)(1.3 - (1.0 / 3)), observation[^1], 5);
    }

    [Fact]
    public void Observation_LoggedHistory_ShowsLoggedActionNotAgents()
    {
        var options = new TmoEnvironmentOptions { Observation = TmoObservationMode.Reference, UseLoggedHistory = true };
        var environment = TmoFixtures.Environment(TmoFixtures.Synthetic(), options: options);
        var (observation, mask, costs) = Buffers(environment);
        environment.ResetTo(environment.Problem.Dataset.Dialogues[0], observation, mask);

        environment.Step(8, observation, mask, costs);

        // Turn 0's logged action is 0 (local): the newest state reads location 0, no views, task 1.
        Assert.Equal([0f, 0, 0, 0, 1], observation[20..25].ToArray());
    }

    [Fact]
    public void Step_LastTurn_TerminatesAndFurtherStepThrows()
    {
        var environment = TmoFixtures.Environment(TmoFixtures.Synthetic(turns: 2));
        var (observation, mask, costs) = Buffers(environment);
        environment.Reset(3, observation, mask);

        Assert.False(environment.Step(0, observation, mask, costs).Done);
        var last = environment.Step(0, observation, mask, costs);

        Assert.True(last.Terminated);
        Assert.False(last.Truncated);
        Assert.Throws<InvalidOperationException>(() => environment.Step(0, observation, mask, costs));
    }

    [Fact]
    public void Reset_SameSeed_SameDialogue()
    {
        var environment = TmoFixtures.Environment(TmoFixtures.Synthetic(dialogues: 20));
        var (observation, mask, _) = Buffers(environment);

        environment.Reset(11, observation, mask);
        var first = environment.Dialogue.Id;
        environment.Reset(11, observation, mask);

        Assert.Equal(first, environment.Dialogue.Id);
    }

    [Fact]
    public void Options_NegativeBudget_NamesOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TmoFixtures.Environment(TmoFixtures.Synthetic(), options: new TmoEnvironmentOptions { LatencyBudgetS = -1 }));

        Assert.Equal("LatencyBudgetS", error.ParamName);
    }

    internal static (float[] Observation, bool[] Mask, float[] Costs) Buffers(TmoEnvironment environment) =>
        (new float[environment.Spec.ObservationSize], new bool[environment.Spec.ActionCount], new float[environment.Spec.CostCount]);
}
