namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// A speculative round with drafting overlapped with verification (SpecEdge, Park et al., 2025: the edge keeps
/// drafting while the server verifies). While round r's k drafts are in flight — uplink, batch wait, verification,
/// downlink and RTT, W = T(k) − k·t_d — the device drafts ahead along its own continuation for up to
/// m·t_d = min(k·t_d, W). Those pre-drafts are usable only if the target accepts all k drafts and its bonus token
/// equals the draft's continuation, probability p = α^(k+1); otherwise they are discarded and redrafted. In steady
/// state, per round:
/// <code>
/// T_pipe(k) = T(k) − p·min(k·t_d, W)
/// E_pipe(k) = E(k) + (1 − p)·m·e_d − P_wait·m·t_d − β·p·m·t_d
/// </code>
/// (the discarded pre-drafts cost compute; during pre-drafting the device computes instead of waiting; a hit shortens
/// the round, and the connected radio's base draw with it). E(k) and T(k) are the serial round's
/// (<see cref="SpeculativeRound"/>, <see cref="RoundEnergyModel"/>). Times ms, energy J.
/// </summary>
/// <param name="SerialMs">T(k), the serial round time, ms.</param>
/// <param name="SerialJoules">E(k), the serial round's device energy, J.</param>
/// <param name="DraftMs">k·t_d, drafting time of the round's k tokens, ms.</param>
/// <param name="DraftJoules">k·e_d, drafting energy of the round's k tokens, J.</param>
/// <param name="HitProbability">p = α^(k+1), the chance the pre-drafts are kept.</param>
/// <param name="DeviceWaitWatts">P_wait, device draw while waiting (radio excluded), W.</param>
/// <param name="RadioBaseWatts">β, connected radio draw, W.</param>
public readonly record struct PipelinedRound(double SerialMs, double SerialJoules, double DraftMs, double DraftJoules,
    double HitProbability, double DeviceWaitWatts, double RadioBaseWatts)
{
    /// <summary>W = T(k) − k·t_d, the part of the serial round the device spends waiting, ms.</summary>
    public double WaitMs => Math.Max(0, SerialMs - DraftMs);

    /// <summary>m·t_d = min(k·t_d, W), time spent pre-drafting the next round during the wait, ms.</summary>
    public double PreDraftMs => Math.Min(DraftMs, WaitMs);

    /// <summary>T_pipe(k), expected round time, ms.</summary>
    public double TimeMs => SerialMs - (HitProbability * PreDraftMs);

    /// <summary>E_pipe(k), expected device energy of the round, J.</summary>
    public double EnergyJoules
    {
        get
        {
            double preDraftFraction = DraftMs > 0 ? PreDraftMs / DraftMs : 0;
            const double SecondsPerMs = 1e-3;
            return SerialJoules + ((1 - HitProbability) * preDraftFraction * DraftJoules)
                - (DeviceWaitWatts * PreDraftMs * SecondsPerMs)
                - (RadioBaseWatts * HitProbability * PreDraftMs * SecondsPerMs);
        }
    }

    /// <summary>The pipelined round of <paramref name="draftLength"/> drafts on this link's serial lines, α the per-token acceptance.</summary>
    public static PipelinedRound Of(in RoundCosts round, in LinkConditions link, double alpha, int draftLength) => new(
        round.TimeMs.At(draftLength),
        round.EnergyJoules.At(draftLength),
        draftLength * link.Device.DraftMsPerToken,
        draftLength * link.Device.DraftJoulesPerToken,
        Math.Pow(alpha, draftLength + 1),
        link.Device.WaitPowerWatts,
        link.Network.RadioBaseWatts);
}
