using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Datasets;
using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.Tests.EdgeCloud.Environments;

/// <summary>A channel that never changes, for tests that need one link state.</summary>
internal sealed class ConstantTrace(ChannelState state, NetworkType network) : IChannelTrace
{
    public string Name => "constant";

    public NetworkType Network => network;

    public double DurationSeconds => 3_600;

    public ChannelState At(double timeSeconds) => state;
}

/// <summary>Builders shared by the edge–cloud environment tests.</summary>
internal static class EdgeCloudTestWorld
{
    public static Controller.Training.EdgeCloud.Environments.EdgeCloudEnvironment Create(EdgeCloudEnvironmentOptions? options = null, ChannelState? channel = null) =>
        new(options ?? new EdgeCloudEnvironmentOptions(),
            channel is { } c ? (network, _) => new ConstantTrace(c, network.Type) : null);

    /// <summary>Plays one window with <paramref name="choose"/>, which also sees the observation; asserts every choice was allowed.</summary>
    public static List<EdgeCloudStepOutcome> PlayWindow(Controller.Training.EdgeCloud.Environments.EdgeCloudEnvironment environment, int? seed,
        Func<Controller.Training.EdgeCloud.Environments.EdgeCloudEnvironment, float[], bool[], int> choose)
    {
        float[] observation = [];
        return PlayWindow(environment, seed, (env, mask) => choose(env, observation, mask), observationSink: o => observation = o);
    }

    /// <summary>Plays one window with <paramref name="choose"/> and returns the outcomes; asserts every choice was allowed.</summary>
    public static List<EdgeCloudStepOutcome> PlayWindow(Controller.Training.EdgeCloud.Environments.EdgeCloudEnvironment environment, int? seed,
        Func<Controller.Training.EdgeCloud.Environments.EdgeCloudEnvironment, bool[], int> choose,
        Action<Controller.Training.EdgeCloud.Environments.EdgeCloudEnvironment, EdgeCloudStepOutcome>? observe = null,
        Action<float[]>? observationSink = null)
    {
        var observation = new float[environment.Spec.ObservationSize];
        observationSink?.Invoke(observation);
        var mask = new bool[environment.Spec.ActionCount];
        var costs = new float[environment.Spec.CostCount];
        environment.Reset(seed, observation, mask);
        var outcomes = new List<EdgeCloudStepOutcome>();
        var done = false;
        while (!done)
        {
            var action = choose(environment, mask);
            Assert.True(mask[action], $"action {action} is masked");
            done = environment.Step(action, observation, mask, costs).Done;
            outcomes.Add(environment.LastOutcome);
            observe?.Invoke(environment, environment.LastOutcome);
        }

        return outcomes;
    }
}
