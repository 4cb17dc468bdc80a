using Controller.Learning.Backends;
using Xunit.Abstractions;

namespace Controller.Learning.Tests.KnownAnswer;

// The known-answer bars on the managed core; Controller.Learning.TorchSharp.Tests runs the same bases on TorchSharp.
public sealed class ManagedContextualBanditTests(ITestOutputHelper output) : ContextualBanditTests(output)
{
    protected override ITrainingBackend Backend => ManagedBackend.Instance;
}

public sealed class ManagedConstrainedBanditTests(ITestOutputHelper output) : ConstrainedBanditTests(output)
{
    protected override ITrainingBackend Backend => ManagedBackend.Instance;
}

public sealed class ManagedChainMdpTests(ITestOutputHelper output) : ChainMdpTests(output)
{
    protected override ITrainingBackend Backend => ManagedBackend.Instance;
}
