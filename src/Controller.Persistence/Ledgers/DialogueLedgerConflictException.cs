namespace Controller.Persistence.Ledgers;

/// <summary>
/// The dialogue's ledger changed on record after the caller read it (another replica's decision or an outcome): the
/// decision was not written. Read the ledger again and decide again.
/// </summary>
public sealed class DialogueLedgerConflictException(string deviceId, string dialogueId, long expectedVersion)
    : Exception($"The budget ledger of device '{deviceId}' dialogue '{dialogueId}' is no longer at version {expectedVersion}; the decision was not recorded.")
{
    public string DeviceId { get; } = deviceId;

    public string DialogueId { get; } = dialogueId;
}
