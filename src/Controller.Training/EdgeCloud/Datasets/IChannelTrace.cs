using Controller.Contracts;
using Controller.Offloading.EdgeCloud;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// A link's state over time, as a simulated device on one network would see it: uplink and downlink
/// throughput, RTT and whether the cloud is reachable. Implementations replay a shipped trace file or
/// generate one (two-state Markov or Gauss–Markov SNR); both are deterministic for a given seed, so an
/// evaluation and every method in it see the same channel.
/// </summary>
public interface IChannelTrace
{
    /// <summary>Short name, e.g. <c>lte-urban</c>; shown in reports.</summary>
    string Name { get; }

    /// <summary>The network type the trace was recorded or generated for.</summary>
    NetworkType Network { get; }

    /// <summary>Length of the trace, seconds. <see cref="At"/> wraps around after it.</summary>
    double DurationSeconds { get; }

    /// <summary>The link at <paramref name="timeSeconds"/> (≥ 0) since the trace started.</summary>
    ChannelState At(double timeSeconds);
}
