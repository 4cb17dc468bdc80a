using Controller.Contracts;
using Controller.Service.Decisions;
using Controller.Service.Ingestion;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.IntegrationTests.Replicas;

/// <summary>
/// Two controller replicas on one PostgreSQL database: a device's energy ledger on one replica sees the decisions the
/// other made within the age limit, even while the device keeps sending it heartbeats, and an outcome reaching the
/// replica that did not make its decision replaces that decision's expectation there.
/// </summary>
public sealed class ReplicaDeviceStateTests : IAsyncLifetime
{
    private readonly ManualClock _clockB = new(DateTimeOffset.UtcNow);
    private PostgresTestDatabase _database = null!;
    private ControllerTestHost _a = null!;
    private ControllerTestHost _b = null!;

    public async Task InitializeAsync()
    {
        await PostgresTestServer.EnsureReachableAsync();
        _database = await PostgresTestDatabase.CreateAsync("replicas");
        var settings = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Postgres",
            ["Store:ConnectionString"] = _database.ConnectionString,
            ["Decision:Epsilon"] = "0",
            ["Decision:ExpirySeconds"] = "600",
            ["Decision:DeviceStateMaxAgeSeconds"] = "60",
        };
        _a = await ControllerTestHost.StartAsync(settings);
        _b = await ControllerTestHost.StartAsync(settings, services => services.AddSingleton<TimeProvider>(_clockB));
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task EnergyRemaining_OtherReplicaDecidesWhileHeartbeatsKeepArriving_SeenOnceTheAgeLimitPasses()
    {
        var device = $"replicated-{Guid.NewGuid():N}";
        var heartbeat = TestMessages.Heartbeat(device) with { SentAt = DateTimeOffset.UtcNow.AddSeconds(-1), EnergyBudgetRemainingJoules = 1_000 };
        await Ingest(_b).IngestAsync(heartbeat, CancellationToken.None);
        Assert.Equal(1_000, (await Lookup(_b).FindAsync(device, CancellationToken.None)).EnergyRemainingJoules, 6);

        var onA = new List<PlacementDecided>();
        for (var i = 0; i < 3; i++)
        {
            onA.Add(await _a.Services.GetRequiredService<DecisionService>().DecideAsync(TestMessages.Request(device), CancellationToken.None));
        }

        // The device keeps reporting to B (the decisions are still pending, so its energy reads the same).
        for (var i = 0; i < 7; i++)
        {
            _clockB.Advance(TimeSpan.FromSeconds(10));
            await Ingest(_b).IngestAsync(heartbeat with { HeartbeatId = Guid.NewGuid(), SentAt = heartbeat.SentAt.AddSeconds(10 * (i + 1)) }, CancellationToken.None);
        }

        var expected = await _a.QueryAsync(db => db.Decisions.Where(d => d.DeviceId == device).OrderBy(d => d.DecidedAt).Select(d => d.ExpectedEnergyJoules).ToListAsync());
        Assert.Equal(1_000 - expected.Sum(), (await Lookup(_b).FindAsync(device, CancellationToken.None)).EnergyRemainingJoules, 6);

        // The first decision's outcome reaches B, which did not make it: it replaces that expectation. Reported (device
        // clock) after the device's last heartbeat, which therefore does not include it.
        var outcome = TestMessages.Outcome(onA[0], device) with { DeviceEnergyJoules = 5, ReportedAt = heartbeat.SentAt.AddSeconds(71) };
        await _b.Services.GetRequiredService<OutcomeIngestor>().IngestAsync(outcome, CancellationToken.None);
        Assert.Equal(1_000 - 5 - expected[1] - expected[2], (await Lookup(_b).FindAsync(device, CancellationToken.None)).EnergyRemainingJoules, 6);
    }

    private static HeartbeatIngestor Ingest(ControllerTestHost host) => host.Services.GetRequiredService<HeartbeatIngestor>();

    private static DeviceStateLookup Lookup(ControllerTestHost host) => host.Services.GetRequiredService<DeviceStateLookup>();
}
