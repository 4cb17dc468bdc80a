using Controller.Learning.Backends;
using Controller.Learning.Tests.KnownAnswer;
using Xunit.Abstractions;

namespace Controller.Learning.TorchSharp.Tests.KnownAnswer;

// The managed core's known-answer bars (Controller.Learning.Tests/KnownAnswer), unchanged, with every update on TorchSharp.
public sealed class TorchSharpContextualBanditTests(ITestOutputHelper output) : ContextualBanditTests(output)
{
    protected override ITrainingBackend Backend => TorchSharpFixture.Backend;
}

public sealed class TorchSharpConstrainedBanditTests(ITestOutputHelper output) : ConstrainedBanditTests(output)
{
    protected override ITrainingBackend Backend => TorchSharpFixture.Backend;
}

public sealed class TorchSharpChainMdpTests(ITestOutputHelper output) : ChainMdpTests(output)
{
    protected override ITrainingBackend Backend => TorchSharpFixture.Backend;
}
