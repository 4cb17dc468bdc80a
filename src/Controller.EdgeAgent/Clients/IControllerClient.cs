using Controller.Contracts;

namespace Controller.EdgeAgent.Clients;

/// <summary>How an edge agent talks to the controller; AMQP (MassTransit) and HTTP implement it.</summary>
public interface IControllerClient
{
    Task SendHeartbeatAsync(HeartbeatReported heartbeat, CancellationToken cancellationToken);

    /// <exception cref="ControllerUnavailableException">No answer in time, or the transport failed.</exception>
    /// <exception cref="ControllerRejectedException">The controller refused the request as invalid.</exception>
    Task<PlacementDecided> RequestPlacementAsync(RequestPlacement request, CancellationToken cancellationToken);

    Task ReportOutcomeAsync(OutcomeReported outcome, CancellationToken cancellationToken);
}
