namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// One state (good or bad) of a link's two-state Markov channel: the ranges its throughputs and RTT are
/// drawn from uniformly, and the chance the link is unusable in it.
/// </summary>
/// <param name="UplinkMbps">Uplink range, Mbit/s.</param>
/// <param name="DownlinkMbps">Downlink range, Mbit/s.</param>
/// <param name="RttMs">Round-trip time range, ms.</param>
/// <param name="OutageProbability">Probability a draw in this state finds the link down.</param>
public sealed record ChannelStateRanges(Interval UplinkMbps, Interval DownlinkMbps, Interval RttMs, double OutageProbability)
{
    /// <summary>The mid-range state, used as the planning estimate when no measurement is at hand.</summary>
    public ChannelState Midpoint => new(UplinkMbps.Midpoint, DownlinkMbps.Midpoint, RttMs.Midpoint, OutageProbability < 1);
}
