using Controller.Offloading.EdgeCloud.Environments;

namespace Controller.Offloading.EdgeCloud.Evaluation;

/// <summary>
/// The one place that decides which channel traces and thermal model the edge–cloud environment simulates,
/// so training and evaluation always build the same world. Channel: <see cref="MarkovChannelTrace"/> over each
/// network's two-state model. Thermal: none (nominal speed).
/// </summary>
public static class EdgeCloudWorld
{
    /// <summary>Short description for reports.</summary>
    public static string Description => "channel: two-state Markov trace per network (2 s slots); thermal: nominal speed";

    /// <summary>A fresh environment for <paramref name="options"/>.</summary>
    public static EdgeCloudEnvironment CreateEnvironment(EdgeCloudEnvironmentOptions options) =>
        new(options, (network, seed) => new MarkovChannelTrace(network, seed));
}
