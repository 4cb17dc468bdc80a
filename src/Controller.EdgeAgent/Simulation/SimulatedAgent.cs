using Controller.Contracts;
using Controller.EdgeAgent.Clients;
using Controller.EdgeAgent.Sessions;
using Controller.Offloading.EdgeCloud;

namespace Controller.EdgeAgent.Simulation;

/// <summary>
/// One simulated edge agent: sends heartbeats and serves its workload, each request through an
/// <see cref="AgentSession"/> (ask, obey or fall back locally, execute with the edge–cloud cost model, report
/// the outcome of every decision it received), counting what happened in <see cref="FleetStats"/>.
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
    private readonly AgentSession _session = new(
        controller, new SimulatedExecutor(device, executor, random), new AgentSessionOptions { DecisionTimeout = options.DecisionTimeout }, clock);

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
        var result = await _session.ServeAsync(request);
        switch (result.Path)
        {
            case AgentSessionPath.Rejected:
                stats.WasRejected();
                return;
            case AgentSessionPath.FellBackUnanswered:
                stats.FellBack();
                return;
        }

        stats.RoundTrip.RecordTicks(result.DecisionRoundTripTicks);
        stats.DecisionReceived();
        if (result.Path == AgentSessionPath.FellBackExpired)
        {
            stats.DecisionExpired();
        }

        if (result.OutcomeDelivered)
        {
            stats.OutcomeReported(result.Outcome!);
        }
        else
        {
            stats.SendFailed();
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
}
