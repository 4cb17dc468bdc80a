using Controller.Persistence.Entities;
using Controller.Persistence.Ledgers;

namespace Controller.Persistence.Stores;

/// <summary>A decision on record, and the dialogue ledger version it made (null when an earlier decision for the same request was returned).</summary>
public sealed record RecordedDecision(DecisionEntity Decision, DialogueLedgerState? Ledger);
