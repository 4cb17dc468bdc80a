namespace Controller.Offloading.Placement;

/// <summary>What is left of the budgets the request is charged against (per dialogue or per device window).</summary>
/// <param name="LatencyRemainingMs">Latency still allowed, milliseconds.</param>
/// <param name="CloudSpendRemainingUsd">Cloud spend still allowed, US dollars.</param>
/// <param name="EnergyRemainingJoules">Device energy still allowed, joules.</param>
public sealed record BudgetState(double LatencyRemainingMs, double CloudSpendRemainingUsd, double EnergyRemainingJoules)
{
    /// <summary>No budget binds.</summary>
    public static BudgetState Unlimited { get; } = new(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first budget that is NaN (negative means overspent and is allowed; +∞ means unlimited).</summary>
    public void Validate(string parameterName)
    {
        if (double.IsNaN(LatencyRemainingMs) || double.IsNaN(CloudSpendRemainingUsd) || double.IsNaN(EnergyRemainingJoules))
        {
            string field = double.IsNaN(LatencyRemainingMs) ? nameof(LatencyRemainingMs)
                : double.IsNaN(CloudSpendRemainingUsd) ? nameof(CloudSpendRemainingUsd) : nameof(EnergyRemainingJoules);
            throw new ArgumentException($"{parameterName}.{field} is NaN; use +∞ for an unlimited budget.", parameterName);
        }
    }
}
