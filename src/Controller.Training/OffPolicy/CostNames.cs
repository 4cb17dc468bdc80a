namespace Controller.Training.OffPolicy;

/// <summary>Names of the service's constrained costs, per decision, as the decision log reports them.</summary>
public static class CostNames
{
    /// <summary>Device energy of the decision, J.</summary>
    public const string EnergyJoules = "energy_j";

    /// <summary>Cloud spend of the decision, US$.</summary>
    public const string CloudUsd = "cloud_usd";

    /// <summary>End-to-end latency of the decision, ms.</summary>
    public const string LatencyMs = "latency_ms";

    /// <summary>The service's three costs in the order <see cref="LoggedDecision.Costs"/> holds them by default.</summary>
    public static IReadOnlyList<string> Service { get; } = [EnergyJoules, CloudUsd, LatencyMs];
}
