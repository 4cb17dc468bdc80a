namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Time, device energy and cloud spend of one speculative round as lines in k, computed once per
/// (device, link) so that evaluating many (modality subset, k) actions costs a few multiplications each.
/// </summary>
/// <param name="TimeMs">T(k), ms.</param>
/// <param name="EnergyJoules">E(k), J.</param>
/// <param name="CloudUsd">Cloud spend per round, US$.</param>
/// <param name="UplinkBytes">Bytes sent per round: (k·b + h)/8.</param>
/// <param name="DownlinkBytes">Bytes received per round: b_dn/8.</param>
public readonly record struct RoundCosts(AffineInDraftLength TimeMs, AffineInDraftLength EnergyJoules,
    AffineInDraftLength CloudUsd, AffineInDraftLength UplinkBytes, AffineInDraftLength DownlinkBytes);
