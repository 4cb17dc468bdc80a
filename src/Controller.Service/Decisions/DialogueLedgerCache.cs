using System.Collections.Concurrent;
using Controller.Persistence.Ledgers;
using Controller.Service.Options;
using Microsoft.Extensions.Options;

namespace Controller.Service.Decisions;

/// <summary>
/// The dialogue ledgers this replica last saw, so a turn does not read its dialogue's row when the previous turn here
/// wrote it. Held copies may be stale (another replica's decision, an outcome elsewhere): that is safe, because the
/// decision log writes a decision only if the row is still at the version the decision was made from, and a stale copy
/// costs one conflict, after which the caller forgets it and decides again from the row on record.
/// </summary>
public sealed class DialogueLedgerCache(DialogueLedgerStore store, IOptions<DecisionOptions> options)
{
    private readonly ConcurrentDictionary<(string DeviceId, string DialogueId), DialogueLedgerState> _held = new();
    private readonly int _maxDialogues = options.Value.DialogueLedgerMaxDialogues;

    /// <summary>Dialogues whose ledger is held (for tests and metrics).</summary>
    public int Count => _held.Count;

    /// <summary>The held ledger of <paramref name="deviceId"/>'s <paramref name="dialogueId"/>, or the one on record.</summary>
    public async ValueTask<DialogueLedgerState> GetAsync(string deviceId, string dialogueId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_held.TryGetValue((deviceId, dialogueId), out var held))
        {
            return held;
        }

        var loaded = await store.LoadAsync(deviceId, dialogueId, now, cancellationToken).ConfigureAwait(false);
        Offer(loaded);
        return loaded;
    }

    /// <summary>Holds <paramref name="ledger"/> unless a later version is held already (versions only grow on record).</summary>
    public void Offer(DialogueLedgerState ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (_held.Count >= _maxDialogues)
        {
            // Dropping all is the cheap bound: each dialogue costs one read to come back, and nothing here is needed for
            // correctness.
            _held.Clear();
        }

        _held.AddOrUpdate((ledger.DeviceId, ledger.DialogueId), ledger, (_, current) => ledger.Version >= current.Version ? ledger : current);
    }

    /// <summary>Drops the held copy, after a write found it stale.</summary>
    public void Forget(string deviceId, string dialogueId) => _held.TryRemove((deviceId, dialogueId), out _);
}
