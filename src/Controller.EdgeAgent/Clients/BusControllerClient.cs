using Controller.Contracts;
using MassTransit;

namespace Controller.EdgeAgent.Clients;

/// <summary>Talks to the controller over MassTransit: heartbeats and outcomes are published, placement is request/response.</summary>
public sealed class BusControllerClient(IBus bus, TimeSpan requestTimeout) : IControllerClient
{
    private readonly IRequestClient<RequestPlacement> _placements = bus.CreateRequestClient<RequestPlacement>(RequestTimeout.After(ms: (int)requestTimeout.TotalMilliseconds));

    public Task SendHeartbeatAsync(HeartbeatReported heartbeat, CancellationToken cancellationToken) =>
        bus.Publish(heartbeat, cancellationToken);

    public async Task<PlacementDecided> RequestPlacementAsync(RequestPlacement request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _placements.GetResponse<PlacementDecided>(request, cancellationToken);
            return response.Message;
        }
        catch (RequestTimeoutException ex)
        {
            throw new ControllerUnavailableException($"No placement decision for request {request.RequestId} within {requestTimeout.TotalSeconds:0.#} s.", ex);
        }
        catch (RequestFaultException ex)
        {
            var cause = ex.Fault?.Exceptions.FirstOrDefault();
            var reason = cause?.Message ?? ex.Message;
            // Only a message the controller judged invalid is "rejected"; a fault left after its own
            // retries (database down, still starting) means it is unavailable and the agent falls back.
            if (cause?.ExceptionType is { } type && (type.EndsWith("InvalidMessageException", StringComparison.Ordinal) || type.EndsWith("JsonException", StringComparison.Ordinal)))
            {
                throw new ControllerRejectedException($"The controller refused request {request.RequestId}: {reason}", ex);
            }

            throw new ControllerUnavailableException($"The controller failed on request {request.RequestId}: {reason}", ex);
        }
    }

    public Task ReportOutcomeAsync(OutcomeReported outcome, CancellationToken cancellationToken) =>
        bus.Publish(outcome, cancellationToken);
}
