namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// The budgets of one window of the edge–cloud problem: what the observation's budget fractions, the budget mask and the
/// cost vector are measured against. Training takes them from its environment options; serving from the policy bundle's
/// manifest, so a policy sees fractions of the budgets it was trained under (docs/decision-model.md §9 maps the
/// service's per-dialogue and per-device budgets onto them).
/// </summary>
/// <param name="EnergyBudgetJoules">Device energy per window, J.</param>
/// <param name="SpendBudgetUsd">Cloud spend per window, US$.</param>
/// <param name="WindowSeconds">Length of a window, s of device time.</param>
/// <param name="LatencySloMs">Latency SLO per request, ms.</param>
/// <param name="SloMissesPerWindow">SLO misses a window may have.</param>
/// <param name="MeanThinkSeconds">Mean user think time between requests, s (the mask's reserve for later requests uses it).</param>
public sealed record WindowBudgets(
    double EnergyBudgetJoules, double SpendBudgetUsd, double WindowSeconds, double LatencySloMs, double SloMissesPerWindow, double MeanThinkSeconds)
{
    /// <summary>Share of the window's energy budget still unspent, from the joules left (negative when overspent).</summary>
    public double EnergyLeftFraction(double energyLeftJoules) => energyLeftJoules / EnergyBudgetJoules;

    /// <summary>Share of the window's spend budget still unspent, from the US$ left (negative when overspent).</summary>
    public double SpendLeftFraction(double spendLeftUsd) => spendLeftUsd / SpendBudgetUsd;

    /// <summary>Share of the window's time still ahead, from the seconds left.</summary>
    public double TimeLeftFraction(double timeLeftSeconds) => timeLeftSeconds / WindowSeconds;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first budget that is not a finite number &gt; 0.</summary>
    public WindowBudgets Validated()
    {
        Positive(EnergyBudgetJoules, nameof(EnergyBudgetJoules));
        Positive(SpendBudgetUsd, nameof(SpendBudgetUsd));
        Positive(WindowSeconds, nameof(WindowSeconds));
        Positive(LatencySloMs, nameof(LatencySloMs));
        Positive(SloMissesPerWindow, nameof(SloMissesPerWindow));
        Positive(MeanThinkSeconds, nameof(MeanThinkSeconds));
        return this;
    }

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");
        }
    }
}
