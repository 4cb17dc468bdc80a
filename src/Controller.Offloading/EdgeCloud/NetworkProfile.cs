using Controller.Contracts;

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

/// <summary>A closed interval [Min, Max].</summary>
public readonly record struct Interval(double Min, double Max)
{
    public double Midpoint => (Min + Max) / 2;
}

/// <summary>
/// A network type's link and radio: the good/bad channel states, the Markov switching probabilities per
/// request, and the radio's power model (Huang et al., MobiSys 2012: P = β + α_u·R_up + α_d·R_dn, plus a
/// tail after the last transfer). Values and sources are tabled in <c>docs/decision-model.md</c>.
/// </summary>
/// <param name="Type">The network type this profile describes.</param>
/// <param name="Good">Channel ranges in the good state.</param>
/// <param name="Bad">Channel ranges in the bad state.</param>
/// <param name="GoodToBadProbability">Per-request probability of switching from good to bad.</param>
/// <param name="BadToGoodProbability">Per-request probability of switching from bad to good.</param>
/// <param name="RadioBaseWatts">β, radio draw while connected, W.</param>
/// <param name="UplinkJoulesPerMegabit">α_u, W per Mbit/s of uplink = J per Mbit sent.</param>
/// <param name="DownlinkJoulesPerMegabit">α_d, W per Mbit/s of downlink = J per Mbit received.</param>
/// <param name="TailSeconds">Time the radio stays in its high-power state after the last transfer, s.</param>
/// <param name="TailWatts">Radio draw during the tail, W.</param>
public sealed record NetworkProfile(
    NetworkType Type,
    ChannelStateRanges Good,
    ChannelStateRanges Bad,
    double GoodToBadProbability,
    double BadToGoodProbability,
    double RadioBaseWatts,
    double UplinkJoulesPerMegabit,
    double DownlinkJoulesPerMegabit,
    double TailSeconds,
    double TailWatts)
{
    /// <summary>Long-run share of requests that see the good state: p(bad→good) / (p(good→bad) + p(bad→good)).</summary>
    public double StationaryGoodProbability =>
        GoodToBadProbability + BadToGoodProbability == 0 ? 1 : BadToGoodProbability / (GoodToBadProbability + BadToGoodProbability);

    /// <summary>Radio energy of the tail after a request's last transfer (paid once per request), J.</summary>
    public double TailJoules => TailSeconds * TailWatts;

    /// <summary>The good state's mid-range channel: the planning estimate when the device reported nothing.</summary>
    public ChannelState Nominal => Type == NetworkType.Disconnected ? ChannelState.Down : Good.Midpoint;
}
