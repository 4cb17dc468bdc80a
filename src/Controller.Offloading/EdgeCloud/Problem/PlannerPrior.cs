namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// The planner's preference as a log-prior over the absolute actions of one request:
/// <c>β·ln(rate(a) / max_b rate(b))</c> over the allowed actions, rate the expected quality-weighted tokens per second
/// (<see cref="EdgeCloudDecision.ExpectedRate"/>). So <c>softmax(prior)</c> ∝ rate^β: the greedy-rate planner in the limit
/// β → ∞, uniform at β = 0. A learner adds it to its logits (<c>TrainingSetup.StateLogPrior</c>)
/// and learns what the one-step rate misses: budgets, the SLO, heat, the rest of the window.
/// </summary>
public static class PlannerPrior
{
    /// <summary>
    /// Largest β accepted: at 100 a 1 % better expected rate already gets 2.7× the prior mass (the greedy planner, for
    /// practical purposes), and β·ln(1e-6) stays far inside float range.
    /// </summary>
    public const double MaxSharpness = 100;

    /// <summary>True when <paramref name="sharpness"/> is a usable β: finite, 0 ≤ β ≤ <see cref="MaxSharpness"/>.</summary>
    public static bool IsValidSharpness(double sharpness) => sharpness is >= 0 and <= MaxSharpness;

    /// <summary>Writes the prior of every action of <paramref name="decision"/>'s space; 0 where <paramref name="mask"/> forbids.</summary>
    /// <exception cref="ArgumentOutOfRangeException">β is outside 0..<see cref="MaxSharpness"/> or not a number.</exception>
    /// <exception cref="ArgumentException">The mask or the output does not match the decision's action count.</exception>
    /// <exception cref="InvalidOperationException">An allowed action's expected rate is not a finite number ≥ 0.</exception>
    public static void Write(EdgeCloudDecision decision, ReadOnlySpan<bool> mask, double sharpness, Span<float> logPrior)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!IsValidSharpness(sharpness))
        {
            throw new ArgumentOutOfRangeException(nameof(sharpness), sharpness, $"The prior's sharpness β must lie in 0..{MaxSharpness}.");
        }

        if (mask.Length != decision.Space.Count || logPrior.Length != decision.Space.Count)
        {
            throw new ArgumentException($"The decision has {decision.Space.Count} actions; got a mask of {mask.Length} and a prior of {logPrior.Length}.", nameof(mask));
        }

        var best = 0.0;
        for (var a = 0; a < mask.Length; a++)
        {
            if (mask[a])
            {
                var rate = decision.ExpectedRate(a);
                best = rate >= 0 && double.IsFinite(rate)
                    ? Math.Max(best, rate)
                    : throw new InvalidOperationException($"Action {a} ({decision.Space.Decode(a)}) has expected rate {rate}; the planner prior needs finite rates ≥ 0.");
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
