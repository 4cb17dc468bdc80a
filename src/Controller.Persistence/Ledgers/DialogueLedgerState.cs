using System.Collections.Immutable;
using Controller.Persistence.Entities;
using Controller.Persistence.Queries;

namespace Controller.Persistence.Ledgers;

/// <summary>
/// One dialogue's ledger as of a version: outcome totals, and the decisions still waiting for theirs. Immutable: a
/// decision or an outcome gives the next version (<see cref="WithDecision"/>, <see cref="WithOutcome"/>), which is
/// written only if the row on record still has this one's version. <see cref="SpendAt"/> gives exactly what
/// <see cref="DialogueSpendQuery"/> computes from the dialogue's history: a decision counts its expectation until its
/// outcome replaces it with what was reported, or until it expires without one, after which it counts for nothing.
/// </summary>
public sealed record DialogueLedgerState
{
    /// <summary>
    /// Pending turns expired longer ago than this are dropped when the ledger is next written. Not at their expiry:
    /// replicas' clocks differ a little, and one with a slower clock must still count a turn that has not expired for it.
    /// </summary>
    public static readonly TimeSpan PruneAfterExpiry = TimeSpan.FromMinutes(5);

    public required string DeviceId { get; init; }

    public required string DialogueId { get; init; }

    /// <summary>Version on record; 0 for a dialogue that has no row yet.</summary>
    public long Version { get; init; }

    public int DecisionCount { get; init; }

    public int OutcomeCount { get; init; }

    public double ReportedLatencyMs { get; init; }

    public double ReportedCostUsd { get; init; }

    public double ReportedEnergyJoules { get; init; }

    /// <summary>Decisions without an outcome that expired less than <see cref="PruneAfterExpiry"/> ago, or not at all.</summary>
    public ImmutableArray<PendingTurn> Pending { get; init; } = [];

    /// <summary>A dialogue with no decisions and no row.</summary>
    public static DialogueLedgerState Empty(string deviceId, string dialogueId) => new() { DeviceId = deviceId, DialogueId = dialogueId };

    /// <summary>The dialogue's spend at <paramref name="now"/>, with <see cref="DialogueSpendQuery"/>'s meaning.</summary>
    public DialogueSpend SpendAt(DateTimeOffset now)
    {
        var nowUs = PendingTurn.ToMicroseconds(now);
        int counting = 0;
        double latency = 0, cost = 0, energy = 0;
        foreach (var turn in Pending)
        {
            if (turn.ExpiresAtUs > nowUs)
            {
                counting++;
                latency += turn.LatencyMs;
                cost += turn.CostUsd;
                energy += turn.EnergyJoules;
            }
        }

        return DecisionCount == 0
            ? DialogueSpend.None
            : new DialogueSpend(
                DecisionCount,
                OutcomeCount,
                DecisionCount - OutcomeCount - counting,
                ReportedLatencyMs,
                ReportedCostUsd,
                ReportedEnergyJoules,
                latency,
                cost,
                energy);
    }

    /// <summary>The next version: <paramref name="decision"/> made at <paramref name="now"/>, pending until its outcome or expiry.</summary>
    public DialogueLedgerState WithDecision(DecisionEntity decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var turn = new PendingTurn(decision.DecisionId, PendingTurn.ToMicroseconds(decision.ExpiresAt), decision.ExpectedLatencyMs, decision.ExpectedCostUsd, decision.ExpectedEnergyJoules);
        return this with
        {
            Version = Version + 1,
            DecisionCount = DecisionCount + 1,
            Pending = Pruned(now).Add(turn),
        };
    }

    /// <summary>
    /// The next version: the outcome of <paramref name="decisionId"/> replaces its expectation with what was reported
    /// (also when the decision had expired: the query counts every outcome).
    /// </summary>
    public DialogueLedgerState WithOutcome(Guid decisionId, double latencyMs, double costUsd, double energyJoules, DateTimeOffset now) => this with
    {
        Version = Version + 1,
        OutcomeCount = OutcomeCount + 1,
        ReportedLatencyMs = ReportedLatencyMs + latencyMs,
        ReportedCostUsd = ReportedCostUsd + costUsd,
        ReportedEnergyJoules = ReportedEnergyJoules + energyJoules,
        Pending = Pruned(now).RemoveAll(t => t.DecisionId == decisionId),
    };

    private ImmutableArray<PendingTurn> Pruned(DateTimeOffset now)
    {
        var horizonUs = PendingTurn.ToMicroseconds(now - PruneAfterExpiry);
        return Pending.RemoveAll(t => t.ExpiresAtUs <= horizonUs);
    }
}
