namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// The action mask of the edge–cloud problem, one definition for training and serving: the structural mask (no cloud or
/// speculative decoding on a down link, no absent modality, no k above the memory cap), then — when enabled — the budget
/// mask, both read from an <see cref="EdgeCloudDecision"/> and the <see cref="WindowBudgets"/> its fractions refer to.
/// </summary>
public static class EdgeCloudMask
{
    /// <summary>Standard deviations of the remaining-request count (≈ Poisson) the budget mask reserves for.</summary>
    public const double ReserveDeviations = 2;

    /// <summary>
    /// Writes the mask and returns the fallback: the structurally allowed action that, repeated for the requests the
    /// window may still bring (n = time left / (think time + its latency), plus <see cref="ReserveDeviations"/>·√n for the
    /// randomness of arrivals, rounded up), leaves the window's spending furthest inside both budgets, max(energy share,
    /// spend share). With <paramref name="maskOverBudget"/> an action is kept when its expected use and the fallback's use
    /// for the later requests fit what is left of both budgets. The fallback always stays allowed (a window with no
    /// feasible way left overruns by as little as it can). Energy, spend and time left are the decision's fractions times
    /// <paramref name="budgets"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The mask's length is not the decision's action count.</exception>
    public static int Fill(EdgeCloudDecision decision, WindowBudgets budgets, bool maskOverBudget, Span<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(budgets);
        if (mask.Length != decision.Space.Count)
        {
            throw new ArgumentException($"The decision has {decision.Space.Count} actions; got a mask of {mask.Length}.", nameof(mask));
        }

        var energyLeft = decision.EnergyLeftFraction * budgets.EnergyBudgetJoules;
        var spendLeft = decision.SpendLeftFraction * budgets.SpendBudgetUsd;
        var timeLeftS = decision.TimeLeftFraction * budgets.WindowSeconds;
        var fallback = 0;
        var fallbackLoad = double.PositiveInfinity;
        for (var a = 0; a < mask.Length; a++)
        {
            mask[a] = decision.IsStructurallyAllowed(a);
            if (mask[a])
            {
                var expected = timeLeftS / (budgets.MeanThinkSeconds + (decision.ExpectedLatencyMs(a) / 1_000));
                var requests = Math.Max(1, Math.Ceiling(expected + (ReserveDeviations * Math.Sqrt(expected))));
                var load = Math.Max(
                    ((requests * decision.ExpectedEnergyJoules(a)) - energyLeft) / budgets.EnergyBudgetJoules,
                    ((requests * decision.ExpectedSpendUsd(a)) - spendLeft) / budgets.SpendBudgetUsd);
                if (load < fallbackLoad)
                {
                    fallbackLoad = load;
                    fallback = a;
                }
            }
        }

        if (!maskOverBudget)
        {
            return fallback;
        }

        var fallbackEnergy = decision.ExpectedEnergyJoules(fallback);
        var fallbackSpend = decision.ExpectedSpendUsd(fallback);
        var perLaterRequestS = budgets.MeanThinkSeconds + (decision.ExpectedLatencyMs(fallback) / 1_000);
        for (var a = 0; a < mask.Length; a++)
        {
            if (!mask[a] || a == fallback)
            {
                continue;
            }

            var after = timeLeftS - (decision.ExpectedLatencyMs(a) / 1_000) - budgets.MeanThinkSeconds;
            var expectedLater = after > 0 ? after / perLaterRequestS : 0;
            var later = Math.Ceiling(expectedLater + (ReserveDeviations * Math.Sqrt(expectedLater)));
            mask[a] = decision.ExpectedEnergyJoules(a) + (later * fallbackEnergy) <= energyLeft
                && decision.ExpectedSpendUsd(a) + (later * fallbackSpend) <= spendLeft;
        }

        mask[fallback] = true;
        return fallback;
    }
}
