using Controller.Contracts;
using Controller.Service.Decisions;
using Controller.Service.Ingestion;
using Controller.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Decisions;

/// <summary>
/// The energy a decision assumes a device has left: the latest heartbeat's (latest by arrival at the controller, not by
/// the device's clock), less every decision that heartbeat cannot know about yet, each counted once with its reported
/// energy when the outcome is in and its expected energy until then. Driven through the same ingestors and decision
/// path the consumers and the HTTP API call.
/// </summary>
public sealed class DeviceEnergyAccountingTests : IAsyncLifetime
{
    private ControllerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ControllerTestHost.StartAsync(new Dictionary<string, string?> { ["Decision:Epsilon"] = "0" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EnergyRemaining_HeartbeatSentBeforeADecisionArrivesAfterIt_StillCountsThatDecision()
    {
        var device = $"late-{Guid.NewGuid():N}";
        var first = TestMessages.Heartbeat(device) with { SentAt = DateTimeOffset.UtcNow.AddSeconds(-2), EnergyBudgetRemainingJoules = 1_000 };
        await Heartbeats.IngestAsync(first, CancellationToken.None);
        var d = await Decisions.DecideAsync(TestMessages.Request(device), CancellationToken.None);

        // Sent before D (so it knows nothing of D's spend), delivered after it: over the bus heartbeats and requests
        // travel on different queues, so this is ordinary.
        await Heartbeats.IngestAsync(first with { HeartbeatId = Guid.NewGuid(), SentAt = first.SentAt.AddSeconds(1) }, CancellationToken.None);
        await Outcomes.IngestAsync(TestMessages.Outcome(d, device) with { DeviceEnergyJoules = 5 }, CancellationToken.None);
        var e = await Decisions.DecideAsync(TestMessages.Request(device), CancellationToken.None);

        var state = await Devices.FindAsync(device, CancellationToken.None);
        var eExpected = await ExpectedEnergyAsync(e);
        Assert.NotNull(state);
        Assert.Equal(1_000 - 5 - eExpected, state.EnergyRemainingJoules, 6);
    }

    [Fact]
    public async Task EnergyRemaining_OutcomeRedelivered_CountsItsEnergyOnce()
    {
        var device = $"redelivered-{Guid.NewGuid():N}";
        await Heartbeats.IngestAsync(TestMessages.Heartbeat(device) with { SentAt = DateTimeOffset.UtcNow.AddSeconds(-1), EnergyBudgetRemainingJoules = 1_000 }, CancellationToken.None);
        var d = await Decisions.DecideAsync(TestMessages.Request(device), CancellationToken.None);
        var outcome = TestMessages.Outcome(d, device) with { DeviceEnergyJoules = 40 };

        Assert.True(await Outcomes.IngestAsync(outcome, CancellationToken.None));
        Assert.False(await Outcomes.IngestAsync(outcome, CancellationToken.None));

        var state = await Devices.FindAsync(device, CancellationToken.None);
        Assert.Equal(1_000 - 40, state!.EnergyRemainingJoules, 6);
    }

    [Fact]
    public async Task EnergyRemaining_HeartbeatDatedMinutesAhead_IsReplacedByTheNextHonestOne()
    {
        var device = $"skewed-{Guid.NewGuid():N}";
        var forged = TestMessages.Heartbeat(device, NetworkType.Disconnected) with { SentAt = DateTimeOffset.UtcNow.AddMinutes(9), EnergyBudgetRemainingJoules = 1_000 };
        await Heartbeats.IngestAsync(forged, CancellationToken.None);
        var honest = TestMessages.Heartbeat(device, NetworkType.WiFi) with { SentAt = DateTimeOffset.UtcNow, EnergyBudgetRemainingJoules = 200 };
        await Heartbeats.IngestAsync(honest, CancellationToken.None);

        var committed = 0.0;
        for (var i = 0; i < 5; i++)
        {
            committed += await ExpectedEnergyAsync(await Decisions.DecideAsync(TestMessages.Request(device), CancellationToken.None));
        }

        var state = await Devices.FindAsync(device, CancellationToken.None);
        Assert.Equal(honest.HeartbeatId, state!.Heartbeat!.HeartbeatId);
        Assert.Equal(NetworkType.WiFi, state.Heartbeat.Network);
        Assert.Equal(Math.Max(0, 200 - committed), state.EnergyRemainingJoules, 6);
    }

    private HeartbeatIngestor Heartbeats => _host.Services.GetRequiredService<HeartbeatIngestor>();

    private OutcomeIngestor Outcomes => _host.Services.GetRequiredService<OutcomeIngestor>();

    private DecisionService Decisions => _host.Services.GetRequiredService<DecisionService>();

    private DeviceStateLookup Devices => _host.Services.GetRequiredService<DeviceStateLookup>();

    private Task<double> ExpectedEnergyAsync(PlacementDecided decision) =>
        _host.QueryAsync(db => Task.FromResult(db.Decisions.Single(x => x.DecisionId == decision.DecisionId).ExpectedEnergyJoules));
}
