using System.Diagnostics;
using System.Text.Json;
using Controller.Contracts;
using Controller.Offloading.Placement;
using Controller.Persistence;
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
/// same remaining budget.
/// </summary>
public sealed class DecisionService(
    DecisionStore decisions,
    DialogueSpendQuery spend,
    DeviceStateLookup devices,
    DeviceLedger ledger,
    ActivePolicy policy,
    RolloutPolicies rollout,
    ShadowScorer shadows,
    DecisionRandom random,
    DialogueGate gate,
    DecisionMetrics metrics,
    IOptions<DecisionOptions> options,
    TimeProvider clock,
    ILogger<DecisionService> logger)
{
    private readonly DecisionOptions _options = options.Value;

    public async Task<PlacementDecided> DecideAsync(RequestPlacement request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
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
        var spent = await spend.GetAsync(request.DeviceId, request.DialogueId, decidedAt, cancellationToken);
        var budgets = new BudgetState(
            LatencyRemainingMs: Math.Max(0, _options.DialogueLatencyBudgetMs - spent.TotalLatencyMs),
            CloudSpendRemainingUsd: Math.Max(0, _options.DialogueCloudBudgetUsd - spent.TotalCostUsd),
            EnergyRemainingJoules: state.EnergyRemainingJoules);

        // Read once: this decision finishes on these policies even if the registry swaps them meanwhile.
        var serving = rollout.Current;
        var active = serving.DecidingFor(request.DeviceId, await policy.GetAsync(cancellationToken));
        var context = new PlacementContext(request, state.Heartbeat, budgets);
        var choice = random.With(r => active.Decide(context, r));

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
            Observation = DecisionVectors.Observation(choice.Observation),
            ActionMask = DecisionVectors.Mask(choice.Mask),
        };
        if (choice.FallbackReason is not null)
        {
            metrics.RecordFallback();
        }

        // No cancellation from here on: the policy has chosen, and a cancel landing after the durable write (Npgsql throws
        // on a cancel even after COMMIT) would leave a decision on record whose energy nobody committed.
        var stored = await decisions.RecordDecisionAsync(entity, CancellationToken.None);
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

        metrics.DecisionLatency.RecordTicks(Stopwatch.GetTimestamp() - started);
        return DecisionMapping.ToContract(stored);
    }
}
