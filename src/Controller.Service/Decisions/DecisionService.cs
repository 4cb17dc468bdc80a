using System.Diagnostics;
using System.Text.Json;
using Controller.Contracts;
using Controller.Offloading.Placement;
using Controller.Persistence;
using Controller.Persistence.Ledgers;
using Controller.Service.Logging;
using Controller.Service.Metrics;
using Controller.Service.Options;
using Controller.Service.Policies;
using Controller.Service.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Controller.Service.Decisions;

/// <summary>
/// The decision path shared by AMQP and HTTP: validate, look up device state and the dialogue's
/// remaining budgets, ask the active policy, log the decision with its propensity and policy version,
/// answer. Logging happens before answering, so every decision an agent acts on is on record; a
/// retried request (same request id) gets the decision already on record. Turns of one dialogue pass the
/// budget-read-to-record section one at a time (<see cref="DialogueGate"/>), so concurrent turns cannot each spend the
/// same remaining budget; across replicas the dialogue's ledger row does the same: a decision is written only if the
/// ledger it was made from is still the one on record, and is made again from the new one otherwise.
/// </summary>
public sealed class DecisionService(
    DecisionStore decisions,
    DialogueLedgerCache dialogues,
    DeviceStateLookup devices,
    DeviceLedger ledger,
    ActivePolicy policy,
    RolloutPolicies rollout,
    ShadowScorer shadows,
    DecisionRandom random,
    DialogueGate gate,
    DecisionObservationProblem observationProblem,
    DecisionMetrics metrics,
    IOptions<DecisionOptions> options,
    TimeProvider clock,
    ILogger<DecisionService> logger)
{
    /// <summary>Decisions made again after another replica's write moved the dialogue's ledger on; each retry sees that write.</summary>
    private const int LedgerAttempts = 16;

    private readonly DecisionOptions _options = options.Value;

    public async Task<PlacementDecided> DecideAsync(RequestPlacement request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DecideOnceAsync(request, started, cancellationToken);
            }
            catch (DialogueLedgerConflictException conflict) when (attempt < LedgerAttempts)
            {
                metrics.RecordLedgerConflict();
                dialogues.Forget(conflict.DeviceId, conflict.DialogueId);
            }
        }
    }

    /// <summary>
    /// The observation and mask logged with <paramref name="choice"/>: the policy's own when it built them (a learned
    /// policy's decision), else the serving encoder's for the context under the learned policy's problem (its fallbacks) or
    /// the service's observation problem (the baseline's decisions), so off-policy evaluation can use every decision whose
    /// situation the problem describes; none when it describes none (no heartbeat yet, …). Whether a baseline decision's
    /// propensity is one in the problem's action space is the gate's to check (docs/off-policy-evaluation.md).
    /// </summary>
    private (byte[]? Observation, byte[]? Mask) Vectors(PlacementChoice choice, PlacementContext context, IPlacementPolicy deciding)
    {
        if (choice.Observation is not null && choice.Mask is not null)
        {
            return (DecisionVectors.Observation(choice.Observation), DecisionVectors.Mask(choice.Mask));
        }

        var problem = (deciding as LearnedPlacementPolicy)?.Problem ?? observationProblem.Problem;
        return problem is not null && DecisionVectors.Encode(context, problem) is { } built ? built : (null, null);
    }

    private async Task<PlacementDecided> DecideOnceAsync(RequestPlacement request, long started, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = RequestPlacementValidator.Validate(request, now);
        if (errors.Count > 0)
        {
            metrics.RecordRejected();
            throw new InvalidMessageException(nameof(RequestPlacement), errors);
        }

        using var turn = await gate.EnterAsync(request.DeviceId, request.DialogueId, cancellationToken);
        // Stamped and read after the wait: the decision is later than, and its state and spend include, every decision
        // recorded before it.
        var decidedAt = clock.GetUtcNow();
        var state = await devices.FindAsync(request.DeviceId, cancellationToken);
        var dialogue = await dialogues.GetAsync(request.DeviceId, request.DialogueId, decidedAt, cancellationToken);
        var spent = dialogue.SpendAt(decidedAt);
        var budgets = new BudgetState(
            LatencyRemainingMs: Math.Max(0, _options.DialogueLatencyBudgetMs - spent.TotalLatencyMs),
            CloudSpendRemainingUsd: Math.Max(0, _options.DialogueCloudBudgetUsd - spent.TotalCostUsd),
            EnergyRemainingJoules: state.EnergyRemainingJoules);

        // Read once: this decision finishes on these policies even if the registry swaps them meanwhile.
        var serving = rollout.Current;
        var active = serving.DecidingFor(request.DeviceId, await policy.GetAsync(cancellationToken));
        var context = new PlacementContext(request, state.Heartbeat, budgets);
        var choice = random.With(r => active.Decide(context, r));
        var (observation, mask) = Vectors(choice, context, active);

        var entity = new DecisionEntity
        {
            DecisionId = Guid.CreateVersion7(decidedAt),
            RequestId = request.RequestId,
            DeviceId = request.DeviceId,
            DialogueId = request.DialogueId,
            Turn = request.Turn,
            TaskCategory = request.TaskCategory,
            Location = choice.Location.ToString(),
            UploadModalityIds = [.. choice.UploadModalityIds],
            DraftLength = choice.DraftLength,
            ActionIndex = choice.ActionIndex,
            Propensity = choice.Propensity,
            PolicyName = active.Name,
            PolicyVersion = active.Version,
            DecidedAt = decidedAt,
            ExpiresAt = decidedAt.AddSeconds(_options.ExpirySeconds),
            ExpectedLatencyMs = choice.Expected.LatencyMs,
            ExpectedCostUsd = choice.Expected.CloudCostUsd,
            ExpectedEnergyJoules = choice.Expected.DeviceEnergyJoules,
            RequestJson = JsonSerializer.Serialize(request, ContractJson.Options),
            FallbackReason = choice.FallbackReason is { } reason ? reason[..Math.Min(reason.Length, ColumnLengths.FallbackReason)] : null,
            Observation = observation,
            ActionMask = mask,
        };
        if (choice.FallbackReason is { } fallbackReason)
        {
            metrics.RecordFallback(active.Name, fallbackReason);
        }

        // No cancellation from here on: the policy has chosen, and a cancel landing after the durable write (Npgsql throws
        // on a cancel even after COMMIT) would leave a decision on record whose energy nobody committed.
        var recorded = await decisions.RecordDecisionAsync(entity, dialogue, CancellationToken.None);
        var stored = recorded.Decision;
        if (recorded.Ledger is { } next)
        {
            dialogues.Offer(next);
        }
        else
        {
            dialogues.Forget(request.DeviceId, request.DialogueId);
        }

        if (stored.DecisionId != entity.DecisionId)
        {
            // A request id is not a bearer token for someone else's decision: a repeat must come from the same device
            // and dialogue, and a mismatch is refused without saying whose the id is.
            if (!string.Equals(stored.DeviceId, request.DeviceId, StringComparison.Ordinal) || !string.Equals(stored.DialogueId, request.DialogueId, StringComparison.Ordinal))
            {
                Log.RequestIdReused(logger, request.RequestId, request.DeviceId, request.DialogueId, stored.DecisionId, stored.DeviceId, stored.DialogueId);
                metrics.RecordRejected();
                throw new InvalidMessageException(nameof(RequestPlacement),
                    [new ValidationError("requestId", "is already used by another request; every request needs a new id")]);
            }

            Log.RepeatedRequest(logger, request.RequestId, stored.DecisionId);
        }
        else if (serving.Shadows.Count > 0)
        {
            await shadows.ScoreAsync(stored.DecisionId, context, serving.Shadows, decidedAt);
        }

        // Keyed by decision id: a repeated request commits the stored decision again, which changes nothing if this
        // replica already holds it and restores it if the first attempt failed between recording and committing.
        ledger.Commit(stored.DeviceId, new EnergyCommitment(stored.DecisionId, stored.DecidedAt, stored.ExpiresAt, stored.ExpectedEnergyJoules));

        metrics.RecordDecision(stored.Location, stored.PolicyName, Stopwatch.GetTimestamp() - started, stored.ExpectedCostUsd, stored.ExpectedEnergyJoules);
        return DecisionMapping.ToContract(stored);
    }
}
