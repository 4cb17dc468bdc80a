namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Device energy of one speculative round. The device drafts (e_d per token), then stays awake waiting
/// for the rest of the round (P_wait), its radio is connected for the whole round (base draw β) and pays
/// per megabit moved (the linear radio power model of Huang et al., MobiSys 2012: P = β + α_u·R_up + α_d·R_dn,
/// so transmitting x Mbit costs α_u·x J on top of β over the time it takes):
/// E(k) = k·e_d + P_wait·(T(k) − k·t_d) + β·T(k) + α_u·(k·b + h)/10⁶ + α_d·b_dn/10⁶ joules.
/// This is the reference's E(k) with the connected radio's base draw during drafting included; it is affine
/// in k, so an energy price keeps the best-k problem in Leviathan's form.
/// </summary>
/// <param name="DraftJoulesPerToken">e_d, draft compute energy per proposed token, J.</param>
/// <param name="DeviceWaitWatts">P_wait, device draw (radio excluded) while awake waiting, W.</param>
/// <param name="RadioBaseWatts">β, radio draw while connected, W.</param>
/// <param name="UplinkJoulesPerMegabit">α_u, radio energy per megabit sent (W per Mbit/s), J/Mbit.</param>
/// <param name="DownlinkJoulesPerMegabit">α_d, radio energy per megabit received, J/Mbit.</param>
public sealed record RoundEnergyModel(
    double DraftJoulesPerToken,
    double DeviceWaitWatts,
    double RadioBaseWatts,
    double UplinkJoulesPerMegabit,
    double DownlinkJoulesPerMegabit)
{
    /// <summary>E(k) of <paramref name="round"/> as a line in k, joules (Fixed) and joules per draft token.</summary>
    public AffineInDraftLength Energy(SpeculativeRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var time = round.Time;
        const double SecondsPerMs = 1e-3;
        const double MegabitsPerBit = 1e-6;
        double waitingPerToken = time.PerDraftToken - round.DraftMsPerToken;
        double fixedJoules = ((DeviceWaitWatts + RadioBaseWatts) * time.Fixed * SecondsPerMs)
            + (UplinkJoulesPerMegabit * round.HeaderBits * MegabitsPerBit)
            + (DownlinkJoulesPerMegabit * round.DownlinkBitsPerRound * MegabitsPerBit);
        double perTokenJoules = DraftJoulesPerToken
            + (DeviceWaitWatts * waitingPerToken * SecondsPerMs)
            + (RadioBaseWatts * time.PerDraftToken * SecondsPerMs)
            + (UplinkJoulesPerMegabit * round.UplinkBitsPerDraftToken * MegabitsPerBit);
        return new AffineInDraftLength(fixedJoules, perTokenJoules);
    }

    /// <summary>E(k), device energy of one round with draft length <paramref name="draftLength"/>, joules.</summary>
    public double EnergyJoules(SpeculativeRound round, int draftLength)
    {
        SpeculativeDecoding.RequireDraftLength(draftLength, nameof(draftLength), allowZero: true);
        return Energy(round).At(draftLength);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first parameter that is not a finite number ≥ 0.</summary>
    public void Validate()
    {
        Require(DraftJoulesPerToken, nameof(DraftJoulesPerToken));
        Require(DeviceWaitWatts, nameof(DeviceWaitWatts));
        Require(RadioBaseWatts, nameof(RadioBaseWatts));
        Require(UplinkJoulesPerMegabit, nameof(UplinkJoulesPerMegabit));
        Require(DownlinkJoulesPerMegabit, nameof(DownlinkJoulesPerMegabit));
    }

    private static void Require(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Round energy model: {name} must be a finite number ≥ 0.");
        }
    }
}
