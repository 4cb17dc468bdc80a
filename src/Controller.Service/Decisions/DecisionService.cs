using System.Diagnostics;
using System.Text.Json;
using Controller.Contracts;
using Controller.Offloading.Placement;
using Controller.Persistence;
using Controller.Service.Logging;
using Controller.Service.Metrics;
using Controller.Service.Options;
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
    DeviceStateCache deviceStates,
    ActivePolicy policy,
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

        var state = await devices.FindAsync(request.DeviceId, cancellationToken);
        var device = state?.Heartbeat;
        using var turn = await gate.EnterAsync(request.DialogueId, cancellationToken);
        var spent = await spend.GetAsync(request.DialogueId, cancellationToken);

        // The heartbeat's remaining energy predates the decisions made since it was sent; their energy (reported, or
        // expected while pending) is already committed. The device's clock stamps SentAt, ours DecidedAt: skew shifts
        // the window by that much.
        var energyRemaining = state?.EnergyRemainingJoules ?? _options.UnknownDeviceEnergyJoules;
        var budgets = new BudgetState(
            LatencyRemainingMs: Math.Max(0, _options.DialogueLatencyBudgetMs - spent.TotalLatencyMs),
            CloudSpendRemainingUsd: Math.Max(0, _options.DialogueCloudBudgetUsd - spent.TotalCostUsd),
            EnergyRemainingJoules: energyRemaining);

        var active = await policy.GetAsync(cancellationToken);
        var context = new PlacementContext(request, device, budgets);
        var choice = random.With(r => active.Decide(context, r));

        var entity = new DecisionEntity
        {
            DecisionId = Guid.CreateVersion7(now),
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
            DecidedAt = now,
            ExpiresAt = now.AddSeconds(_options.ExpirySeconds),
            ExpectedLatencyMs = choice.Expected.LatencyMs,
            ExpectedCostUsd = choice.Expected.CloudCostUsd,
            ExpectedEnergyJoules = choice.Expected.DeviceEnergyJoules,
            RequestJson = JsonSerializer.Serialize(request, ContractJson.Options),
        };

        var stored = await decisions.RecordDecisionAsync(entity, cancellationToken);
        if (stored.DecisionId != entity.DecisionId)
        {
            Log.RepeatedRequest(logger, request.RequestId, stored.DecisionId);
        }
        else
        {
            deviceStates.Commit(request.DeviceId, now, entity.ExpectedEnergyJoules);
        }

        metrics.DecisionLatency.RecordTicks(Stopwatch.GetTimestamp() - started);
        return DecisionMapping.ToContract(stored);
    }
}
