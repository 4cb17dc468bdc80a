using static TorchSharp.torch;

namespace Controller.Learning.TorchSharp.Tests.Native;

/// <summary>TorchSharp's native libraries load on this host (adapted where its libstdc++ needs it) and compute.</summary>
public sealed class TorchSharpLoadTests
{
    [Fact]
    public void Load_ThisHost_LibTorchRunsAdamStepsThatLowerALoss()
    {
        var backend = TorchSharpFixture.Backend;
        var w = new global::TorchSharp.Modules.Parameter(tensor(new[] { 3f, -2f }, [2]));
        using var adam = optim.Adam([w], 0.1);
        var first = 0f;
        var last = 0f;
        for (var step = 0; step < 100; step++)
        {
            adam.zero_grad();
            var loss = w.square().sum();
            loss.backward();
            adam.step();
            last = loss.item<float>();
            first = step == 0 ? last : first;
        }

        Assert.StartsWith("2.", backend.LibTorchVersion, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(backend.Adaptation));
        Assert.True(last < first / 100, $"100 Adam steps took the loss from {first} to {last} only.");
    }
}
