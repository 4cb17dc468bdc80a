using Controller.Contracts;
using Controller.EdgeAgent.Clients;

namespace Controller.EdgeAgent.Tests.Outbox;

/// <summary>
/// The controller side of the outbox unit tests: records what it accepted, in order; while <see cref="Down"/> every
/// send fails as a dead broker's would; ids in <see cref="Refuse"/> are rejected as invalid.
/// </summary>
internal sealed class ScriptedTransport : IControllerClient
{
    private readonly Lock _gate = new();

    public volatile bool Down;

    public HashSet<Guid> Refuse { get; } = [];

    public List<Guid> Accepted { get; } = [];

    public int Attempts;

    public Task SendHeartbeatAsync(HeartbeatReported heartbeat, CancellationToken cancellationToken) => Accept(heartbeat.HeartbeatId);

    public Task<PlacementDecided> RequestPlacementAsync(RequestPlacement request, CancellationToken cancellationToken) =>
        throw new ControllerUnavailableException("placements are not part of these tests");

    public Task ReportOutcomeAsync(OutcomeReported outcome, CancellationToken cancellationToken) => Accept(outcome.DecisionId);

    private Task Accept(Guid id)
    {
        Interlocked.Increment(ref Attempts);
        if (Down)
        {
            throw new ControllerUnavailableException("broker unreachable");
        }

        if (Refuse.Contains(id))
        {
            throw new ControllerRejectedException($"message {id} refused: field 'deviceId' is missing");
        }

        lock (_gate)
        {
            Accepted.Add(id);
        }

        return Task.CompletedTask;
    }
}
