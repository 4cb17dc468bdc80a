using Controller.Contracts;

namespace Controller.Offloading.EdgeCloud;

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
