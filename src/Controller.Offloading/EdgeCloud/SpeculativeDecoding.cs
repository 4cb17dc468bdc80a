namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Leviathan, Kalman &amp; Matias (ICML 2023) speculative decoding in expectation. Per-token acceptance α
/// is the probability that the target accepts one drafted token; a round with draft length k yields
/// N tokens, P(N = n) = α^(n−1)(1 − α) for 1 ≤ n ≤ k and P(N = k + 1) = α^k (the accepted prefix plus
/// one corrected or bonus token).
/// </summary>
public static class SpeculativeDecoding
{
    /// <summary>Largest draft length the analytic search accepts; beyond it α^k is negligible for any useful α.</summary>
    public const int MaxSupportedDraftLength = 256;

    /// <summary>
    /// Expected tokens per round with constant acceptance: E[N(k)] = (1 − α^(k+1)) / (1 − α) = Σ_{i=0..k} α^i
    /// (equals k + 1 at α = 1).
    /// </summary>
    /// <param name="alpha">Per-token acceptance α in [0, 1].</param>
    /// <param name="draftLength">Draft length k ≥ 0 (0 is a plain target step: one token).</param>
    public static double ExpectedTokensPerRound(double alpha, int draftLength)
    {
        RequireAlpha(alpha, nameof(alpha));
        RequireDraftLength(draftLength, nameof(draftLength), allowZero: true);
        // The geometric sum is evaluated term by term: the closed form loses precision as α → 1.
        double sum = 1;
        double term = 1;
        for (int i = 1; i <= draftLength; i++)
        {
            term *= alpha;
            sum += term;
        }

        return sum;
    }

    /// <summary>
    /// Expected tokens per round with position-dependent acceptance: E[N] = 1 + Σ_{i=1..k} Π_{j≤i} α_j,
    /// where α_j is the probability that drafted token j is accepted given tokens 1..j−1 were;
    /// k = <paramref name="alphas"/>.Length.
    /// </summary>
    public static double ExpectedTokensPerRound(ReadOnlySpan<double> alphas)
    {
        double sum = 1;
        double survive = 1;
        for (int i = 0; i < alphas.Length; i++)
        {
            RequireAlpha(alphas[i], $"alphas[{i}]");
            survive *= alphas[i];
            sum += survive;
        }

        return sum;
    }

    /// <summary>
    /// Leviathan's wall-clock speed-up over plain target decoding with draft/target step-time ratio
    /// c: S(k) = (1 − α^(k+1)) / ((1 − α)(k·c + 1)) = E[N(k)] / (k·c + 1). A gain (S &gt; 1 for some k) needs α &gt; c.
    /// </summary>
    /// <param name="costRatio">c = draft step time / target step time, ≥ 0.</param>
    public static double Speedup(double alpha, int draftLength, double costRatio)
    {
        RequireNonNegative(costRatio, nameof(costRatio));
        return ExpectedTokensPerRound(alpha, draftLength) / (draftLength * costRatio + 1);
    }

    /// <summary>
    /// The k in 1..<paramref name="maxDraftLength"/> maximising Leviathan's S(k) for (α, c); the smallest
    /// such k on ties. This is the edge–cloud rule with every network term zero (c = t_d / t_step).
    /// </summary>
    public static int BestDraftLength(double alpha, double costRatio, int maxDraftLength)
    {
        RequireAlpha(alpha, nameof(alpha));
        RequireNonNegative(costRatio, nameof(costRatio));
        RequireDraftLength(maxDraftLength, nameof(maxDraftLength), allowZero: false);
        int best = 1;
        double bestSpeedup = double.NegativeInfinity;
        double expected = 1;
        double term = 1;
        for (int k = 1; k <= maxDraftLength; k++)
        {
            term *= alpha;
            expected += term;
            double speedup = expected / (k * costRatio + 1);
            if (speedup > bestSpeedup)
            {
                bestSpeedup = speedup;
                best = k;
            }
        }

        return best;
    }

    /// <summary>
    /// Converts the mean accepted length E[N] (one of the three "acceptance rates" in the literature) to
    /// the fraction of drafted tokens accepted, (E[N] − 1) / k.
    /// </summary>
    public static double AcceptedFraction(double expectedTokensPerRound, int draftLength)
    {
        RequireDraftLength(draftLength, nameof(draftLength), allowZero: false);
        if (!double.IsFinite(expectedTokensPerRound) || expectedTokensPerRound < 1 || expectedTokensPerRound > draftLength + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedTokensPerRound), expectedTokensPerRound,
                $"E[N] must lie in [1, k + 1] = [1, {draftLength + 1}].");
        }

        return (expectedTokensPerRound - 1) / draftLength;
    }

    internal static void RequireAlpha(double alpha, string name)
    {
        if (double.IsNaN(alpha) || alpha < 0 || alpha > 1)
        {
            throw new ArgumentOutOfRangeException(name, alpha, "Per-token acceptance α must lie in [0, 1].");
        }
    }

    internal static void RequireDraftLength(int draftLength, string name, bool allowZero)
    {
        int min = allowZero ? 0 : 1;
        if (draftLength < min || draftLength > MaxSupportedDraftLength)
        {
            throw new ArgumentOutOfRangeException(name, draftLength,
                $"Draft length k must lie in [{min}, {MaxSupportedDraftLength}].");
        }
    }

    internal static void RequireNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number ≥ 0.");
        }
    }
}
