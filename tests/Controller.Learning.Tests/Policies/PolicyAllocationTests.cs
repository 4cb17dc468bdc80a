using Controller.Learning.Nn;
using Controller.Learning.Policies;

namespace Controller.Learning.Tests.Policies;

public sealed class PolicyAllocationTests
{
    [Fact]
    public void ActAndActionProbabilities_AfterWarmUp_AllocateNothing()
    {
        var network = Mlp.Create("pi", 25, [64, 64], 9, Activation.Tanh, WeightInit.PolicyHead, new Random(1));
        var policy = new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(25), ActionSpec.Unnamed(9));
        var observation = Enumerable.Range(0, 25).Select(i => i / 25f).ToArray();
        var mask = Enumerable.Range(0, 9).Select(i => i != 4).ToArray();
        var probabilities = new float[9];
        policy.Act(observation, mask, 0.3);
        policy.ActionProbabilities(observation, mask, probabilities);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < 1000; i++)
        {
            sum += policy.Act(observation, mask, (i % 10) / 10.0).Action;
            sum += policy.Act(observation, mask).Action;
            policy.ActionProbabilities(observation, mask, probabilities);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sum >= 0);
    }

    [Fact]
    public void Act_MaskOfWrongLength_ThrowsNamingLengths()
    {
        var network = Mlp.Create("pi", 2, [4], 3, Activation.Tanh, WeightInit.PolicyHead, new Random(1));
        var policy = new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(2), ActionSpec.Unnamed(3));

        var ex = Assert.Throws<ArgumentException>(() => policy.Act([0f, 1f], [true, true]));

        Assert.Contains("mask of 2", ex.Message);
    }

    [Fact]
    public void Act_MaskAllowsNothing_ThrowsSayingSo()
    {
        var network = Mlp.Create("pi", 2, [4], 3, Activation.Tanh, WeightInit.PolicyHead, new Random(1));
        var policy = new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(2), ActionSpec.Unnamed(3));

        var ex = Assert.Throws<ArgumentException>(() => policy.Act([0f, 1f], [false, false, false], 0.5));

        Assert.Contains("allows no action", ex.Message);
    }

    [Fact]
    public void ActionProbabilities_QValueHead_IsOneHotOnBestAllowedAction()
    {
        var network = Mlp.CreateZeroed("q_net", 1, [], 3, Activation.Relu);
        network.Parameters[1].Value[0] = 5f; // bias of action 0: best, but masked below
        network.Parameters[1].Value[2] = 1f;
        var policy = new Policy(network, PolicyHead.QValues, ObservationSpec.Identity(1), ActionSpec.Unnamed(3));
        var probabilities = new float[3];

        policy.ActionProbabilities([0f], [false, true, true], probabilities);

        Assert.Equal([0f, 0f, 1f], probabilities);
        Assert.Equal(new PolicyDecision(2, 1f), policy.Act([0f], [false, true, true], 0.1));
    }
}
