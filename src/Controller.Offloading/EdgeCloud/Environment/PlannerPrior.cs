namespace Controller.Offloading.EdgeCloud.Environments;

/// <summary>
/// The planner's preference as a log-prior over the absolute actions of one request:
/// <c>β·ln(rate(a) / max_b rate(b))</c> over the allowed actions, rate the expected quality-weighted tokens per second
/// (<see cref="EdgeCloudDecision.ExpectedRate"/>). So <c>softmax(prior)</c> ∝ rate^β: the greedy-rate planner in the limit
/// β → ∞, uniform at β = 0. A learner adds it to its logits (<see cref="Learning.Algorithms.TrainingSetup.StateLogPrior"/>)
/// and learns what the one-step rate misses: budgets, the SLO, heat, the rest of the window.
/// </summary>
public static class PlannerPrior
{
    /// <summary>Writes the prior of every action of <paramref name="decision"/>'s space; 0 where <paramref name="mask"/> forbids.</summary>
    /// <exception cref="ArgumentOutOfRangeException">β is negative or not finite.</exception>
    public static void Write(EdgeCloudDecision decision, ReadOnlySpan<bool> mask, double sharpness, Span<float> logPrior)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!(sharpness >= 0) || double.IsInfinity(sharpness))
        {
            throw new ArgumentOutOfRangeException(nameof(sharpness), sharpness, "The prior's sharpness β must be a finite number ≥ 0.");
        }

        var best = 0.0;
        for (var a = 0; a < mask.Length; a++)
        {
            if (mask[a])
            {
                best = Math.Max(best, decision.ExpectedRate(a));
            }
        }

        for (var a = 0; a < mask.Length; a++)
        {
            // A rate of 0 (nothing delivered) or a best of 0 would give −∞; the floor keeps the prior finite and still decisive.
            logPrior[a] = mask[a] && best > 0
                ? (float)(sharpness * Math.Log(Math.Max(decision.ExpectedRate(a), best * 1e-6) / best))
                : 0f;
        }
    }
}
