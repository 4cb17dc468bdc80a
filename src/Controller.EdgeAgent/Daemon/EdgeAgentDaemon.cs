using Controller.EdgeAgent.Clients;
using Controller.EdgeAgent.Outbox;

namespace Controller.EdgeAgent.Daemon;

/// <summary>
/// The long-running agent: a heartbeat from the probes every interval, through the durable outbox, which its
/// dispatcher delivers whenever the controller is reachable. On shutdown heartbeats stop, the outbox is flushed for up
/// to the flush timeout, and whatever is left stays in the file for the next start.
/// </summary>
public sealed class EdgeAgentDaemon(
    IControllerClient telemetry,
    OutboxDispatcher dispatcher,
    HeartbeatComposer heartbeats,
    TimeSpan heartbeatInterval,
    TimeSpan flushTimeout,
    TimeProvider clock)
{
    /// <returns>True when the outbox was empty at exit.</returns>
    public async Task<bool> RunAsync(CancellationToken stop)
    {
        using var stopSending = new CancellationTokenSource();
        var sending = dispatcher.RunAsync(stopSending.Token);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await telemetry.SendHeartbeatAsync(heartbeats.Compose(dispatcher.Disconnected), CancellationToken.None);
                }
                catch (ControllerUnavailableException)
                {
                    // The outbox file could not be written this time; the next heartbeat replaces this one.
                }

                try
                {
                    await Task.Delay(heartbeatInterval, clock, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            await stopSending.CancelAsync();
            await sending;
        }

        return await dispatcher.FlushAsync(flushTimeout);
    }
}
