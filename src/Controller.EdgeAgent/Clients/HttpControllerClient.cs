using System.Net;
using System.Net.Http.Json;
using Controller.Contracts;

namespace Controller.EdgeAgent.Clients;

/// <summary>Talks to the controller's HTTP/JSON API, for agents without AMQP.</summary>
public sealed class HttpControllerClient(HttpClient http) : IControllerClient
{
    public Task SendHeartbeatAsync(HeartbeatReported heartbeat, CancellationToken cancellationToken) =>
        PostAsync("v1/heartbeats", heartbeat, cancellationToken);

    public async Task<PlacementDecided> RequestPlacementAsync(RequestPlacement request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("v1/placements", request, cancellationToken);
        return await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options, cancellationToken)
            ?? throw new ControllerUnavailableException("The controller answered a placement request with an empty body.");
    }

    public Task ReportOutcomeAsync(OutcomeReported outcome, CancellationToken cancellationToken) =>
        PostAsync("v1/outcomes", outcome, cancellationToken);

    private async Task PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, body, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(path, body, ContractJson.Options, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ControllerUnavailableException($"POST {path} failed: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ControllerUnavailableException($"POST {path} timed out.", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var problem = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = response.StatusCode;
        response.Dispose();
        throw status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity
            ? new ControllerRejectedException($"POST {path} refused ({(int)status}): {problem}")
            : new ControllerUnavailableException($"POST {path} failed ({(int)status}): {problem}");
    }
}
