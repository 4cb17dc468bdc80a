using Controller.Contracts;

namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// A network type's link and radio: the good/bad channel states, the Markov switching probabilities per
/// request, and the radio's power model (Huang et al., MobiSys 2012: P = β + α_u·R_up + α_d·R_dn, plus a
/// tail after the last transfer, and a promotion from idle before the first transfer after a long gap). Values and
/// sources are tabled in <c>docs/edge-cloud.md</c>. The tail lasts until the next transfer or
/// <see cref="TailSeconds"/>, whichever comes first, so it is charged over the real gap (<see cref="RadioTimeline"/>).
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

    /// <summary>Radio energy of a whole tail (no transfer follows within <see cref="TailSeconds"/>), J.</summary>
    public double TailJoules => TailSeconds * TailWatts;

    /// <summary>Time to promote the radio from idle to connected before a transfer after the tail has run out, s.</summary>
    public double PromotionSeconds { get; init; }

    /// <summary>Radio draw during the promotion, W.</summary>
    public double PromotionWatts { get; init; }

    /// <summary>Radio energy of one promotion from idle, J.</summary>
    public double PromotionJoules => PromotionSeconds * PromotionWatts;

    /// <summary>Tail energy when the next transfer starts <paramref name="gapSeconds"/> after the last one ended: P_tail·min(gap, T_tail), J.</summary>
    public double TailJoulesOver(double gapSeconds) => TailWatts * Math.Clamp(gapSeconds, 0, TailSeconds);

    /// <summary>
    /// Expected tail energy when the gap to the next transfer is exponential with mean μ = <paramref name="meanGapSeconds"/>:
    /// P_tail·E[min(G, T_tail)] = P_tail·μ·(1 − e^(−T_tail/μ)), J. μ = ∞ gives the whole tail.
    /// </summary>
    public double ExpectedTailJoules(double meanGapSeconds) =>
        double.IsPositiveInfinity(meanGapSeconds) || TailSeconds == 0 ? TailJoules
        : meanGapSeconds <= 0 ? 0
        : TailWatts * meanGapSeconds * (1 - Math.Exp(-TailSeconds / meanGapSeconds));

    /// <summary>P(G &gt; T_tail) = e^(−T_tail/μ): the chance that an exponential gap of mean μ outlasts the tail, so the next transfer needs a promotion.</summary>
    public double PromotionProbability(double meanGapSeconds) =>
        double.IsPositiveInfinity(meanGapSeconds) ? 1 : meanGapSeconds <= 0 ? 0 : Math.Exp(-TailSeconds / meanGapSeconds);

    /// <summary>The good state's mid-range channel: the planning estimate when the device reported nothing.</summary>
    public ChannelState Nominal => Type == NetworkType.Disconnected ? ChannelState.Down : Good.Midpoint;
}
