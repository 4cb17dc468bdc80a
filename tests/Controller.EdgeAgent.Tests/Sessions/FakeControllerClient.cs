using Controller.Contracts;
using Controller.EdgeAgent.Clients;

namespace Controller.EdgeAgent.Tests.Sessions;

/// <summary>A controller whose every answer a test scripts: one behaviour per call, in order, the last one repeating.</summary>
internal sealed class FakeControllerClient : IControllerClient
{
    private readonly Queue<Func<RequestPlacement, CancellationToken, Task<PlacementDecided>>> _placements = new();
    private readonly Queue<Action<OutcomeReported>> _outcomeFailures = new();
    private Func<RequestPlacement, CancellationToken, Task<PlacementDecided>>? _lastPlacement;

    public int PlacementCalls { get; private set; }

    public int OutcomeAttempts { get; private set; }

    /// <summary>Outcomes the controller accepted, in order.</summary>
    public List<OutcomeReported> Delivered { get; } = [];

    public FakeControllerClient Answers(Func<RequestPlacement, PlacementDecided> decide) =>
        Then((request, _) => Task.FromResult(decide(request)));

    /// <summary>Never answers: waits until the caller gives up.</summary>
    public FakeControllerClient Hangs() =>
        Then(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

    public FakeControllerClient Rejects() =>
        Then((_, _) => Task.FromException<PlacementDecided>(new ControllerRejectedException("RequestPlacement.TaskCategory: required")));

    /// <summary>The next <paramref name="times"/> outcome deliveries fail as if the broker were unreachable.</summary>
    public FakeControllerClient OutcomeUnavailable(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _outcomeFailures.Enqueue(_ => throw new ControllerUnavailableException("broker unreachable"));
        }

        return this;
    }

    public FakeControllerClient OutcomeRejected()
    {
        _outcomeFailures.Enqueue(_ => throw new ControllerRejectedException("OutcomeReported.DeviceId: not the decision's device"));
        return this;
    }

    public Task SendHeartbeatAsync(HeartbeatReported heartbeat, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<PlacementDecided> RequestPlacementAsync(RequestPlacement request, CancellationToken cancellationToken)
    {
        PlacementCalls++;
        var behaviour = _placements.Count > 0 ? _placements.Dequeue() : _lastPlacement
            ?? throw new InvalidOperationException("the test scripted no placement answer");
        _lastPlacement = behaviour;
        return behaviour(request, cancellationToken);
    }

    public Task ReportOutcomeAsync(OutcomeReported outcome, CancellationToken cancellationToken)
    {
        OutcomeAttempts++;
        if (_outcomeFailures.TryDequeue(out var fail))
        {
            fail(outcome);
        }

        Delivered.Add(outcome);
        return Task.CompletedTask;
    }

    private FakeControllerClient Then(Func<RequestPlacement, CancellationToken, Task<PlacementDecided>> behaviour)
    {
        _placements.Enqueue(behaviour);
        return this;
    }
}
