using Controller.Service.Metrics;

namespace Controller.Service.Tests.Metrics;

public sealed class FallbackKindTests
{
    [Theory]
    [InlineData("the policy threw: Index was outside the bounds of the array.", "policy_threw")]
    [InlineData("the network's action probabilities are not finite", "non_finite_output")]
    [InlineData("no heartbeat from device-7 yet", "no_situation")]
    [InlineData("4 modalities offered; the policy has 3 slots", "no_situation")]
    public void Of_ReasonOnRecord_BoundedLabel(string reason, string expected)
    {
        Assert.Equal(expected, FallbackKind.Of(reason));
    }
}
