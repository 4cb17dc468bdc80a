using Controller.Persistence.Hosting;
using Controller.Persistence.Entities;
using Controller.Persistence.Ledgers;
using Controller.Persistence.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Controller.Persistence.Stores;

/// <summary>
/// Stores outcomes joined to their decisions. The decision id is both the primary key and a
/// foreign key, so the database itself rejects a second outcome and an outcome without a decision.
/// The outcome and its dialogue's ledger (the decision's expectation replaced by what was reported) commit together.
/// </summary>
public sealed class OutcomeStore(IDbContextFactory<ControllerDbContext> contextFactory, SqliteWriteGate writeGate, ILogger<OutcomeStore> logger)
{
    /// <summary>How often an outcome is retried when its dialogue's ledger moved on between the read and the write.</summary>
    private const int LedgerAttempts = 16;

    /// <summary>Stores <paramref name="outcome"/> if its decision exists and has no outcome yet.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public async Task<OutcomeRecordResult> RecordOutcomeAsync(OutcomeEntity outcome, CancellationToken cancellationToken) =>
        (await RecordAsync(outcome, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>As <see cref="RecordOutcomeAsync"/>, also returning the dialogue ledger version an inserted outcome made.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public async Task<OutcomeRecorded> RecordAsync(OutcomeEntity outcome, CancellationToken cancellationToken)
    {
        EntityValidator.Validate(outcome);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRecordAsync(outcome, cancellationToken).ConfigureAwait(false);
            }
            catch (DialogueLedgerConflictException) when (attempt < LedgerAttempts)
            {
                // A decision or another outcome of the dialogue committed between our read and write: read it again.
            }
        }
    }

    private async Task<OutcomeRecorded> TryRecordAsync(OutcomeEntity outcome, CancellationToken cancellationToken)
    {
        using var turn = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var dialogue = await context.Decisions.AsNoTracking()
            .Where(d => d.DecisionId == outcome.DecisionId)
            .Select(d => new { d.DeviceId, d.DialogueId })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (dialogue is null)
        {
            PersistenceLog.OutcomeForUnknownDecision(logger, outcome.DecisionId, outcome.DeviceId);
            return new OutcomeRecorded(OutcomeRecordResult.UnknownDecision, null);
        }

        // Read before the outcome is added: a ledger rebuilt from the history must not contain this outcome already.
        var ledger = await DialogueLedgerStore.LoadAsync(context, dialogue.DeviceId, dialogue.DialogueId, outcome.ReceivedAt, cancellationToken).ConfigureAwait(false);
        var next = ledger.WithOutcome(outcome.DecisionId, outcome.TotalLatencyMs, outcome.CloudCostUsd, outcome.DeviceEnergyJoules, outcome.ReceivedAt);
        context.Outcomes.Add(outcome);
        DialogueLedgerStore.Stage(context, next, outcome.ReceivedAt);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new OutcomeRecorded(OutcomeRecordResult.Inserted, next);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DialogueLedgerConflictException(ledger.DeviceId, ledger.DialogueId, ledger.Version);
        }
        catch (DbUpdateException exception)
        {
            switch (ConstraintViolation.Classify(exception))
            {
                case ConstraintViolationKind.Unique when await HasOutcomeAsync(outcome.DecisionId, cancellationToken).ConfigureAwait(false):
                    PersistenceLog.DuplicateOutcome(logger, outcome.DecisionId);
                    return new OutcomeRecorded(OutcomeRecordResult.Duplicate, null);
                case ConstraintViolationKind.Unique:
                    // Not the outcome's key: another writer created the dialogue's ledger row first.
                    throw new DialogueLedgerConflictException(ledger.DeviceId, ledger.DialogueId, ledger.Version);
                case ConstraintViolationKind.ForeignKey:
                    // The decision was there when read; a foreign-key failure now means it is gone.
                    PersistenceLog.OutcomeForUnknownDecision(logger, outcome.DecisionId, outcome.DeviceId);
                    return new OutcomeRecorded(OutcomeRecordResult.UnknownDecision, null);
                default:
                    throw;
            }
        }
    }

    private async Task<bool> HasOutcomeAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Outcomes.AnyAsync(o => o.DecisionId == decisionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The outcome reported for <paramref name="decisionId"/>, or null.</summary>
    public async Task<OutcomeEntity?> FindAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Outcomes.AsNoTracking()
            .SingleOrDefaultAsync(o => o.DecisionId == decisionId, cancellationToken).ConfigureAwait(false);
    }
}
