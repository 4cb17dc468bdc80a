namespace Controller.EdgeAgent.Simulation;

/// <summary>
/// Running estimate of per-token draft acceptance α from what an agent observes: per request, draft
/// tokens proposed and accepted at draft length k. With the truncated geometric law, the expected
/// accepted tokens per round is α(1 − α^k)/(1 − α); the α matching the observed mean is found by
/// bisection (the function is increasing in α) and smoothed with an exponential moving average.
/// </summary>
public sealed class AcceptanceEstimator(double smoothing = 0.2)
{
    public double? Estimate { get; private set; }

    public void Observe(int draftLength, int proposed, int accepted)
    {
        if (draftLength <= 0 || proposed <= 0)
        {
            return;
        }

        var rounds = Math.Max(1.0, (double)proposed / draftLength);
        var acceptedPerRound = Math.Clamp(accepted / rounds, 0, draftLength);
        var alpha = Solve(acceptedPerRound, draftLength);
        Estimate = Estimate is { } previous ? previous + (smoothing * (alpha - previous)) : alpha;
    }

    /// <summary>Expected accepted draft tokens per round for per-token acceptance <paramref name="alpha"/> and draft length <paramref name="k"/>.</summary>
    public static double ExpectedAccepted(double alpha, int k) =>
        alpha >= 1 ? k : alpha * (1 - Math.Pow(alpha, k)) / (1 - alpha);

    private static double Solve(double acceptedPerRound, int k)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 50; i++)
        {
            var mid = (lo + hi) / 2;
            if (ExpectedAccepted(mid, k) < acceptedPerRound)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }
}
