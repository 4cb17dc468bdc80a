namespace Controller.Persistence.Entities;

/// <summary>
/// One dialogue's budget ledger: what its decisions planned and its outcomes reported, kept up to date in the same
/// transaction as each decision and outcome, so the decision path reads one row instead of aggregating the dialogue's
/// history. <see cref="Version"/> grows by one with every write and is the optimistic-concurrency token: a write made
/// from a stale copy changes nothing and is retried from the row on record.
/// </summary>
public sealed class DialogueLedgerEntity
{
    public required string DeviceId { get; set; }

    public required string DialogueId { get; set; }

    /// <summary>1 for the first write, one more with every write after it.</summary>
    public long Version { get; set; }

    /// <summary>Decisions made in the dialogue.</summary>
    public int DecisionCount { get; set; }

    /// <summary>Of those, how many have an outcome.</summary>
    public int OutcomeCount { get; set; }

    /// <summary>Sum of the outcomes' total latency, milliseconds.</summary>
    public double ReportedLatencyMs { get; set; }

    /// <summary>Sum of the outcomes' cloud cost, US dollars.</summary>
    public double ReportedCostUsd { get; set; }

    /// <summary>Sum of the outcomes' device energy, joules.</summary>
    public double ReportedEnergyJoules { get; set; }

    /// <summary>
    /// The decisions still without an outcome and not long expired, as a JSON array of
    /// <see cref="Ledgers.PendingTurn"/>: their expiry decides when they stop counting, so sums alone would not do.
    /// </summary>
    public required string PendingJson { get; set; }

    /// <summary>When the row was last written (controller clock).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
