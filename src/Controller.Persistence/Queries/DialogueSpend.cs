namespace Controller.Persistence.Queries;

/// <summary>
/// What one dialogue has used so far: measured totals of the decisions with outcomes, plus the
/// controller's expectations for decisions still waiting for theirs. A decision past its expiry without an
/// outcome counts for nothing: the agent served it locally or not at all, and did not say what it used.
/// </summary>
/// <param name="DecisionCount">Decisions made in the dialogue.</param>
/// <param name="OutcomeCount">Of those, how many have an outcome.</param>
/// <param name="ExpiredCount">Of those, how many expired without an outcome (not counted in any sum).</param>
/// <param name="ReportedLatencyMs">Sum of the outcomes' total latency, milliseconds.</param>
/// <param name="ReportedCostUsd">Sum of the outcomes' cloud cost, US dollars.</param>
/// <param name="ReportedEnergyJoules">Sum of the outcomes' device energy, joules.</param>
/// <param name="PendingLatencyMs">Sum of expected latency of unexpired decisions without outcome, milliseconds.</param>
/// <param name="PendingCostUsd">Sum of expected cloud cost of unexpired decisions without outcome, US dollars.</param>
/// <param name="PendingEnergyJoules">Sum of expected device energy of unexpired decisions without outcome, joules.</param>
public sealed record DialogueSpend(
    int DecisionCount,
    int OutcomeCount,
    int ExpiredCount,
    double ReportedLatencyMs,
    double ReportedCostUsd,
    double ReportedEnergyJoules,
    double PendingLatencyMs,
    double PendingCostUsd,
    double PendingEnergyJoules)
{
    /// <summary>Spend of a dialogue with no decisions yet.</summary>
    public static DialogueSpend None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Unexpired decisions still waiting for an outcome.</summary>
    public int PendingCount => DecisionCount - OutcomeCount - ExpiredCount;

    /// <summary>Reported plus pending latency, milliseconds.</summary>
    public double TotalLatencyMs => ReportedLatencyMs + PendingLatencyMs;

    /// <summary>Reported plus pending cloud cost, US dollars.</summary>
    public double TotalCostUsd => ReportedCostUsd + PendingCostUsd;

    /// <summary>Reported plus pending device energy, joules.</summary>
    public double TotalEnergyJoules => ReportedEnergyJoules + PendingEnergyJoules;
}
