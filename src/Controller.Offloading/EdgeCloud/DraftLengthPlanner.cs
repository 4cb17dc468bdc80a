namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// The analytic best draft length: argmax over k ∈ 1..K of E[N(k)] / price(k), where price(k) is the
/// round time T(k), optionally plus λ·E(k) for an energy price λ (ms per joule) and any other
/// per-round cost that is affine in k. With every network term zero this is Leviathan's argmax of S(k).
/// The smallest maximiser wins ties, so the answer is deterministic.
/// </summary>
public static class DraftLengthPlanner
{
    /// <summary>argmax_k Θ(k) = E[N(k)] / T(k): the throughput-optimal draft length.</summary>
    public static int BestDraftLength(double alpha, SpeculativeRound round, int maxDraftLength)
    {
        ArgumentNullException.ThrowIfNull(round);
        round.Validate();
        return BestDraftLength(alpha, round.Time, maxDraftLength);
    }

    /// <summary>argmax_k E[N(k)] / (T(k) + λ·E(k)) with λ = <paramref name="energyPriceMsPerJoule"/> (ms of latency one joule is worth).</summary>
    public static int BestDraftLength(double alpha, SpeculativeRound round, RoundEnergyModel energy,
        double energyPriceMsPerJoule, int maxDraftLength)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(energy);
        round.Validate();
        energy.Validate();
        SpeculativeDecoding.RequireNonNegative(energyPriceMsPerJoule, nameof(energyPriceMsPerJoule));
        return BestDraftLength(alpha, round.Time + energy.Energy(round).Scale(energyPriceMsPerJoule), maxDraftLength);
    }

    /// <summary>argmax_k E[N(k)] / price(k) for any positive per-round price affine in k.</summary>
    /// <param name="price">Per-round price; price(k) must be &gt; 0 for every k in 1..K.</param>
    public static int BestDraftLength(double alpha, AffineInDraftLength price, int maxDraftLength)
    {
        SpeculativeDecoding.RequireAlpha(alpha, nameof(alpha));
        SpeculativeDecoding.RequireDraftLength(maxDraftLength, nameof(maxDraftLength), allowZero: false);
        if (!double.IsFinite(price.Fixed) || !double.IsFinite(price.PerDraftToken) || price.Fixed < 0
            || price.PerDraftToken < 0 || price.At(1) <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "Round price must be finite, non-negative and > 0 at k = 1.");
        }

        int best = 1;
        double bestValue = double.NegativeInfinity;
        double expected = 1;
        double term = 1;
        for (int k = 1; k <= maxDraftLength; k++)
        {
            term *= alpha;
            expected += term;
            double value = expected / price.At(k);
            if (value > bestValue)
            {
                bestValue = value;
                best = k;
            }
        }

        return best;
    }
}
