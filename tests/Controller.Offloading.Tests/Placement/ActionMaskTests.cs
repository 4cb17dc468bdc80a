using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;

namespace Controller.Offloading.Tests.Placement;

public sealed class ActionMaskTests
{
    private const int K = 8;

    private static readonly ModalityOffer[] ThreeViews =
        [Scenario.Image("front", 0.9), Scenario.Image("side", 0.5), Scenario.Image("top", 0.1)];

    private static ActionEvaluator Evaluator(PlacementContext context, int? modalitySlots = null)
    {
        var inputs = PlacementInputs.Resolve(context, K, PlacementDefaults.Conservative, AcceptanceModel.Default);
        return new ActionEvaluator(inputs, CompositeActionSpace.Get(modalitySlots ?? inputs.ModalityCount, K), EdgeCloudCostModel.Default);
    }

    private static bool[] Mask(ActionEvaluator evaluator, bool budgets, out int allowed)
    {
        var mask = new bool[evaluator.Space.Count];
        allowed = evaluator.FillMask(mask, budgets);
        return mask;
    }

    [Fact]
    public void FillMask_Disconnected_OnlyLocal()
    {
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(modalities: ThreeViews),
            Scenario.Heartbeat(network: NetworkType.Disconnected)));

        var mask = Mask(evaluator, budgets: false, out int allowed);

        Assert.Equal(1, allowed);
        Assert.True(mask[0]);
    }

    [Fact]
    public void FillMask_ZeroUplinkOnWiFi_OnlyLocal()
    {
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(modalities: ThreeViews), Scenario.Heartbeat(uplinkMbps: 0)));

        Mask(evaluator, budgets: false, out int allowed);

        Assert.Equal(1, allowed);
    }

    [Fact]
    public void FillMask_MemoryForThreeDraftTokens_NoDraftLengthAboveThree()
    {
        // jetson-orin-nx: 400 MB draft + 0.607744 MB per draft token; 402 MB free → cap 3.
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(modalities: ThreeViews), Scenario.Heartbeat(freeMemoryMb: 402)));

        var mask = Mask(evaluator, budgets: false, out _);

        for (int index = evaluator.Space.FirstSpeculativeIndex; index < mask.Length; index++)
        {
            var action = evaluator.Space.Decode(index);
            Assert.Equal(action.DraftLength <= 3, mask[index]);
        }
    }

    [Fact]
    public void FillMask_DraftModelDoesNotFit_NoSpeculative()
    {
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(), Scenario.Heartbeat(freeMemoryMb: 300)));

        var mask = Mask(evaluator, budgets: false, out int allowed);

        Assert.Equal(2, allowed);
        Assert.True(mask[0] && mask[1]);
    }

    [Fact]
    public void FillMask_SpaceWiderThanOffer_AbsentModalityNeverAllowed()
    {
        var twoViews = ThreeViews[..2];
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(modalities: twoViews), Scenario.Heartbeat()), modalitySlots: 3);

        var mask = Mask(evaluator, budgets: false, out _);

        for (int index = 1; index < mask.Length; index++)
        {
            bool usesSlotTwo = (evaluator.Space.Decode(index).ModalityMask & 0b100) != 0;
            Assert.Equal(!usesSlotTwo, mask[index]);
        }
    }

    [Fact]
    public void FillMask_SpendBudgetGone_OnlyLocal()
    {
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(modalities: ThreeViews), Scenario.Heartbeat(),
            new BudgetState(double.PositiveInfinity, 0, double.PositiveInfinity)));

        var mask = Mask(evaluator, budgets: true, out int allowed);

        Assert.Equal(1, allowed);
        Assert.True(mask[0]);
    }

    [Fact]
    public void FillMask_BudgetsIgnored_CloudStillAllowedWithoutSpend()
    {
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(modalities: ThreeViews), Scenario.Heartbeat(),
            new BudgetState(double.PositiveInfinity, 0, double.PositiveInfinity)));

        Mask(evaluator, budgets: false, out int allowed);

        Assert.Equal(evaluator.Space.Count, allowed);
    }

    [Fact]
    public void FillMask_EverythingOverrunsSlo_LocalStaysAsFallback()
    {
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(latencySloMs: 1, modalities: ThreeViews), Scenario.Heartbeat()));

        var mask = Mask(evaluator, budgets: true, out int allowed);

        Assert.Equal(1, allowed);
        Assert.True(mask[0]);
    }

    [Fact]
    public void FillMask_DeviceEnergyBudgetBelowLocal_LocalMaskedCloudAllowed()
    {
        // The Orin's local answer costs ≈ 192 J; cloud text-only ≈ 20 J.
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(), Scenario.Heartbeat(energyBudgetJoules: 100)));

        var mask = Mask(evaluator, budgets: true, out _);

        Assert.False(mask[0]);
        Assert.True(mask[1]);
    }

    [Fact]
    public void FillMask_UnknownDevice_NoSpeculative()
    {
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(modalities: ThreeViews), heartbeat: null));

        var mask = Mask(evaluator, budgets: false, out int allowed);

        Assert.Equal(1 + evaluator.Space.SubsetCount, allowed);
        Assert.False(evaluator.Inputs.DeviceKnown);
    }

    [Fact]
    public void FillMask_WrongLength_ThrowsNamingMask()
    {
        using var evaluator = Evaluator(Scenario.Context(Scenario.Request(), Scenario.Heartbeat()));

        var error = Assert.Throws<ArgumentException>(() => evaluator.FillMask(new bool[3], true));
        Assert.Equal("mask", error.ParamName);
    }

    [Fact]
    public void Constructor_SpaceNarrowerThanOffer_ThrowsNamingSpace()
    {
        var context = Scenario.Context(Scenario.Request(modalities: ThreeViews), Scenario.Heartbeat());

        var error = Assert.Throws<ArgumentException>(() => Evaluator(context, modalitySlots: 2));
        Assert.Equal("space", error.ParamName);
    }
}
