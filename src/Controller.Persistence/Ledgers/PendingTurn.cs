namespace Controller.Persistence.Ledgers;

/// <summary>A decision of the dialogue still waiting for its outcome: what it planned, and until when it counts.</summary>
/// <param name="DecisionId">The decision.</param>
/// <param name="ExpiresAtUs">Its expiry, microseconds since the Unix epoch (UTC): the same on both providers and exact.</param>
/// <param name="LatencyMs">Expected latency, milliseconds.</param>
/// <param name="CostUsd">Expected cloud spend, US dollars.</param>
/// <param name="EnergyJoules">Expected device energy, joules.</param>
public sealed record PendingTurn(Guid DecisionId, long ExpiresAtUs, double LatencyMs, double CostUsd, double EnergyJoules)
{
    public DateTimeOffset ExpiresAt => DateTimeOffset.UnixEpoch.AddTicks(ExpiresAtUs * 10);

    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
