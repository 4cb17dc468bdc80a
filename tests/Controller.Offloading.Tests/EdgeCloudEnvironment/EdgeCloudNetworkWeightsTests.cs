using Controller.Contracts;
using Controller.Offloading.EdgeCloud.Environments;

namespace Controller.Offloading.Tests.EdgeCloudEnvironment;

/// <summary><see cref="EdgeCloudEnvironmentOptions.NetworkWeights"/>: how episodes draw their network.</summary>
public sealed class EdgeCloudNetworkWeightsTests
{
    [Fact]
    public void Reset_WeightOnlyOnPoorCell_EveryDeviceIsOnThePoorCell()
    {
        var environment = EdgeCloudTestWorld.Create(new EdgeCloudEnvironmentOptions { NetworkWeights = [0, 0, 0, 1] });
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        for (var seed = 0; seed < 30; seed++)
        {
            environment.Reset(seed, observation, mask);
            Assert.Equal(NetworkType.PoorCell, environment.Network.Type);
        }
    }

    [Fact]
    public void Reset_PoorCellWeightedThree_DrawsItAboutHalfTheTime()
    {
        var environment = EdgeCloudTestWorld.Create(new EdgeCloudEnvironmentOptions { NetworkWeights = [1, 1, 1, 3] });
        var observation = new float[environment.Spec.ObservationSize];
        var mask = new bool[environment.Spec.ActionCount];
        var poor = 0;
        const int devices = 2_000;
        for (var seed = 0; seed < devices; seed++)
        {
            environment.Reset(seed, observation, mask);
            poor += environment.Network.Type == NetworkType.PoorCell ? 1 : 0;
        }

        // 3/6 = 0.5; 2,000 draws have sd 0.011, so ±0.04 is beyond 3.5 sd.
        Assert.InRange(poor / (double)devices, 0.46, 0.54);
    }

    [Fact]
    public void Reset_NoWeights_DrawsAsBefore()
    {
        // The uniform draw is the one every evaluation uses: weights of null must not change a seed's device.
        var uniform = EdgeCloudTestWorld.Create();
        var observation = new float[uniform.Spec.ObservationSize];
        var mask = new bool[uniform.Spec.ActionCount];
        var networks = new List<NetworkType>();
        for (var seed = 0; seed < 12; seed++)
        {
            uniform.Reset(seed, observation, mask);
            networks.Add(uniform.Network.Type);
            Assert.Equal(new Random(seed).Next(4), uniform.Options.Networks.ToList().IndexOf(uniform.Network.Type));
        }

        Assert.True(networks.Distinct().Count() > 1);
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.0 }, "2 weights for 4 networks")]
    [InlineData(new[] { 1.0, -1.0, 1.0, 1.0 }, "≥ 0")]
    [InlineData(new[] { 0.0, 0.0, 0.0, 0.0 }, "sum > 0")]
    [InlineData(new[] { 1.0, double.NaN, 1.0, 1.0 }, "finite")]
    public void Validated_BadWeights_ThrowsNamingTheProblem(double[] weights, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => new EdgeCloudEnvironmentOptions { NetworkWeights = weights }.Validated());

        Assert.Contains("NetworkWeights", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
