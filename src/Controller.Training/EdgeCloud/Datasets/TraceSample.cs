using Controller.Offloading.EdgeCloud;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>One row of a channel trace: the link from <paramref name="TimeSeconds"/> until the next row.</summary>
/// <param name="TimeSeconds">Start of the step, seconds since the trace started.</param>
/// <param name="UplinkMbps">Uplink throughput, Mbit/s (0 while the link is down).</param>
/// <param name="DownlinkMbps">Downlink throughput, Mbit/s (0 while the link is down).</param>
/// <param name="RttMs">Round-trip time to the cloud, ms (0 while the link is down).</param>
/// <param name="LinkUp">False during an outage: the cloud is unreachable.</param>
public readonly record struct TraceSample(double TimeSeconds, double UplinkMbps, double DownlinkMbps, double RttMs, bool LinkUp)
{
    /// <summary>The link as the cost model sees it; any rates on a down row are ignored.</summary>
    public ChannelState ToState() => LinkUp ? new ChannelState(UplinkMbps, DownlinkMbps, RttMs, IsUp: true) : ChannelState.Down;
}
