using System.Diagnostics;
using Controller.Contracts;
using Controller.EdgeAgent.Clients;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;

namespace Controller.EdgeAgent.Simulation;

/// <summary>
/// One simulated edge agent: sends heartbeats, asks for a placement per request, obeys it (or falls
/// back to the local model when the controller is unreachable or the decision has expired), executes
/// it with the edge–cloud cost model, and reports the outcome of every decision it received.
/// </summary>
public sealed class SimulatedAgent(
    SimulatedDevice device,
    WorkloadGenerator workload,
    IControllerClient controller,
    EdgeCloudSimulator executor,
    FleetOptions options,
    FleetStats stats,
    TimeProvider clock,
    Random random)
{
    public async Task RunAsync(CancellationToken stopIssuing)
    {
        var sinceHeartbeat = options.HeartbeatEvery;
        while (!stopIssuing.IsCancellationRequested)
        {
            if (sinceHeartbeat >= options.HeartbeatEvery)
            {
                device.Advance(random);
                await SendHeartbeatAsync();
                sinceHeartbeat = 0;
            }

            sinceHeartbeat++;
            await ServeOneAsync(workload.Next(clock.GetUtcNow()));
            if (options.RequestInterval > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(options.RequestInterval, clock, stopIssuing);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task ServeOneAsync(RequestPlacement request)
    {
        stats.RequestSent();
        var started = Stopwatch.GetTimestamp();
        PlacementDecided? decision;
        try
        {
            // Once asked, a request is always seen through, even when the run is stopping: a decision
            // the controller logged must get its outcome.
            decision = await AskAsync(request);
            if (decision is null)
            {
                // The controller logs a decision before answering, so a lost answer may still be on
                // record: asking again with the same request id returns it, and the outcome can be joined.
                decision = await AskAsync(request);
            }
        }
        catch (ControllerRejectedException)
        {
            stats.WasRejected();
            return;
        }

        if (decision is null)
        {
            // Nothing on record that we know of; the device serves locally.
            stats.FellBack();
            ExecuteFallback(request);
            return;
        }

        stats.RoundTrip.RecordTicks(Stopwatch.GetTimestamp() - started);
        stats.DecisionReceived();

        var expired = clock.GetUtcNow() > decision.ExpiresAt;
        if (expired)
        {
            stats.DecisionExpired();
        }

        var sample = executor.Simulate(expired ? LocalFallback(decision) : Obeyed(decision), request, device.Profile, device.Channel, random);
        device.Spend(sample.TotalLatencyMs / 1_000, sample.DeviceEnergyJoules, sample.ExecutedLocation == Location.Local);
        device.Acceptance.Observe(sample.ExecutedDraftLength, sample.DraftTokensProposed, sample.DraftTokensAccepted);

        var outcome = new OutcomeReported
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
            ReportedAt = clock.GetUtcNow(),
        };
        await ReportOutcomeAsync(outcome);
    }

    /// <returns>The decision, or null when the controller did not answer in time or was unreachable.</returns>
    private async Task<PlacementDecided?> AskAsync(RequestPlacement request)
    {
        using var timeout = new CancellationTokenSource(options.DecisionTimeout);
        try
        {
            return await controller.RequestPlacementAsync(request, timeout.Token);
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

    private async Task SendHeartbeatAsync()
    {
        try
        {
            await controller.SendHeartbeatAsync(device.Heartbeat(clock.GetUtcNow(), random), CancellationToken.None);
            stats.HeartbeatSent();
        }
        catch (Exception ex) when (ex is ControllerUnavailableException or ControllerRejectedException)
        {
            // Heartbeats are periodic state, not records: the next one replaces a lost one.
            stats.SendFailed();
        }
    }

    /// <summary>An outcome is a record the controller needs; a transient failure is retried with back-off.</summary>
    private async Task ReportOutcomeAsync(OutcomeReported outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await controller.ReportOutcomeAsync(outcome, CancellationToken.None);
                stats.OutcomeReported(outcome);
                return;
            }
            catch (ControllerUnavailableException) when (attempt < OutcomeAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), clock);
            }
            catch (Exception ex) when (ex is ControllerUnavailableException or ControllerRejectedException)
            {
                stats.SendFailed();
                return;
            }
        }
    }

    private const int OutcomeAttempts = 5;

    private void ExecuteFallback(RequestPlacement request)
    {
        var sample = executor.Simulate(LocalFallback(null), request, device.Profile, device.Channel, random);
        device.Spend(sample.TotalLatencyMs / 1_000, sample.DeviceEnergyJoules, ranLocally: true);
    }

    /// <summary>
    /// The decision as the executor takes it. The agent does not know the controller's action index or
    /// expectations, and the executor reads only location, modalities and draft length.
    /// </summary>
    private static PlacementChoice Obeyed(PlacementDecided decision) =>
        new(decision.Location, decision.UploadModalityIds, decision.DraftLength, ActionIndex: -1, decision.Propensity, NoEstimate);

    /// <summary>The safe fallback: the local model, nothing uploaded, no cloud spend.</summary>
    private static PlacementChoice LocalFallback(PlacementDecided? decision) =>
        new(Location.Local, [], 0, ActionIndex: -1, decision?.Propensity ?? 1, NoEstimate);

    private static readonly RequestEstimate NoEstimate = new(0, 0, 0, 0, 0, 0, 0);
}
