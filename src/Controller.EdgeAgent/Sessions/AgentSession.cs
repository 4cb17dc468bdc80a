using System.Diagnostics;
using Controller.Contracts;
using Controller.EdgeAgent.Clients;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;

namespace Controller.EdgeAgent.Sessions;

/// <summary>
/// One request seen through as an edge agent must: ask the controller → obey the decision, or fall back to the local
/// model when no decision came in time or it has expired → execute → report the outcome, retrying transient failures
/// with back-off so a decision the controller logged gets its outcome. The fleet simulator serves every request
/// through it; an agent daemon would too.
/// </summary>
public sealed class AgentSession
{
    private static readonly RequestEstimate NoEstimate = new(0, 0, 0, 0, 0, 0, 0);

    private readonly IControllerClient _controller;
    private readonly IRequestExecutor _executor;
    private readonly AgentSessionOptions _options;
    private readonly TimeProvider _clock;

    public AgentSession(IControllerClient controller, IRequestExecutor executor, AgentSessionOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        _controller = controller;
        _executor = executor;
        _options = options;
        _clock = clock;
    }

    /// <summary>
    /// Serves <paramref name="request"/>. Once asked, a request is always seen through, even when the caller is
    /// stopping (there is no cancellation token): a decision the controller logged must get its outcome.
    /// </summary>
    public async Task<AgentSessionResult> ServeAsync(RequestPlacement request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        PlacementDecided? decision;
        try
        {
            // The controller logs a decision before answering, so a lost answer may still be on record: asking again
            // with the same request id returns it, and the outcome can be joined.
            decision = await AskAsync(request) ?? await AskAsync(request);
        }
        catch (ControllerRejectedException)
        {
            return new AgentSessionResult(AgentSessionPath.Rejected, null, null, false, 0);
        }

        if (decision is null)
        {
            // Nothing on record that we know of; the device serves locally.
            _executor.Execute(request, LocalFallback(null));
            return new AgentSessionResult(AgentSessionPath.FellBackUnanswered, null, null, false, 0);
        }

        var roundTrip = Stopwatch.GetTimestamp() - started;
        var expired = _clock.GetUtcNow() > decision.ExpiresAt;
        var sample = _executor.Execute(request, expired ? LocalFallback(decision) : Obeyed(decision));
        var outcome = OutcomeOf(decision, request, sample);
        var delivered = await ReportOutcomeAsync(outcome);
        return new AgentSessionResult(expired ? AgentSessionPath.FellBackExpired : AgentSessionPath.Obeyed, decision, outcome, delivered, roundTrip);
    }

    /// <returns>The decision, or null when the controller did not answer in time or was unreachable.</returns>
    private async Task<PlacementDecided?> AskAsync(RequestPlacement request)
    {
        using var timeout = new CancellationTokenSource(_options.DecisionTimeout);
        try
        {
            return await _controller.RequestPlacementAsync(request, timeout.Token);
        }
        catch (ControllerUnavailableException)
        {
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>An outcome is a record the controller needs; a transient failure is retried with back-off.</summary>
    /// <returns>True once the controller accepted it; false after a rejection or the last failed attempt.</returns>
    private async Task<bool> ReportOutcomeAsync(OutcomeReported outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _controller.ReportOutcomeAsync(outcome, CancellationToken.None);
                return true;
            }
            catch (ControllerUnavailableException) when (attempt < _options.OutcomeAttempts)
            {
                await Task.Delay(_options.OutcomeBackoff * attempt, _clock);
            }
            catch (Exception ex) when (ex is ControllerUnavailableException or ControllerRejectedException)
            {
                return false;
            }
        }
    }

    private OutcomeReported OutcomeOf(PlacementDecided decision, RequestPlacement request, RequestOutcomeSample sample) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        DecisionId = decision.DecisionId,
        DeviceId = request.DeviceId,
        ExecutedLocation = sample.ExecutedLocation,
        ExecutedModalityIds = sample.ExecutedModalityIds,
        ExecutedDraftLength = sample.ExecutedDraftLength,
        TimeToFirstTokenMs = sample.TimeToFirstTokenMs,
        TotalLatencyMs = sample.TotalLatencyMs,
        TokensGenerated = sample.TokensGenerated,
        DraftTokensProposed = sample.DraftTokensProposed,
        DraftTokensAccepted = sample.DraftTokensAccepted,
        BytesUp = sample.BytesUp,
        BytesDown = sample.BytesDown,
        DeviceEnergyJoules = sample.DeviceEnergyJoules,
        CloudCostUsd = sample.CloudCostUsd,
        QualityScore = sample.QualityScore,
        ReportedAt = _clock.GetUtcNow(),
    };

    /// <summary>
    /// The decision as the executor takes it. The agent does not know the controller's action index or
    /// expectations, and the executor reads only location, modalities and draft length.
    /// </summary>
    private static PlacementChoice Obeyed(PlacementDecided decision) =>
        new(decision.Location, decision.UploadModalityIds, decision.DraftLength, ActionIndex: -1, decision.Propensity, NoEstimate);

    /// <summary>The safe fallback: the local model, nothing uploaded, no cloud spend.</summary>
    private static PlacementChoice LocalFallback(PlacementDecided? decision) =>
        new(Location.Local, [], 0, ActionIndex: -1, decision?.Propensity ?? 1, NoEstimate);
}
