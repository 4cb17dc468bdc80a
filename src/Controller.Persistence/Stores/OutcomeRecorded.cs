using Controller.Persistence.Ledgers;

namespace Controller.Persistence.Stores;

/// <summary>What recording an outcome did, and the dialogue ledger version it made when it was inserted.</summary>
public sealed record OutcomeRecorded(OutcomeRecordResult Result, DialogueLedgerState? Ledger);
