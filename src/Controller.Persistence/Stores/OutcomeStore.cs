using Controller.Persistence.Hosting;
using Controller.Persistence.Entities;
using Controller.Persistence.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Controller.Persistence.Stores;

/// <summary>
/// Stores outcomes joined to their decisions. The decision id is both the primary key and a
/// foreign key, so the database itself rejects a second outcome and an outcome without a decision.
/// </summary>
public sealed class OutcomeStore(IDbContextFactory<ControllerDbContext> contextFactory, SqliteWriteGate writeGate, ILogger<OutcomeStore> logger)
{
    /// <summary>Stores <paramref name="outcome"/> if its decision exists and has no outcome yet.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public async Task<OutcomeRecordResult> RecordOutcomeAsync(OutcomeEntity outcome, CancellationToken cancellationToken)
    {
        EntityValidator.Validate(outcome);
        using var turn = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        context.Outcomes.Add(outcome);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return OutcomeRecordResult.Inserted;
        }
        catch (DbUpdateException exception)
        {
            switch (ConstraintViolation.Classify(exception))
            {
                case ConstraintViolationKind.Unique:
                    PersistenceLog.DuplicateOutcome(logger, outcome.DecisionId);
                    return OutcomeRecordResult.Duplicate;
                case ConstraintViolationKind.ForeignKey:
                    PersistenceLog.OutcomeForUnknownDecision(logger, outcome.DecisionId, outcome.DeviceId);
                    return OutcomeRecordResult.UnknownDecision;
                default:
                    throw;
            }
        }
    }

    /// <summary>The outcome reported for <paramref name="decisionId"/>, or null.</summary>
    public async Task<OutcomeEntity?> FindAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Outcomes.AsNoTracking()
            .SingleOrDefaultAsync(o => o.DecisionId == decisionId, cancellationToken).ConfigureAwait(false);
    }
}
