using Controller.Persistence;
using Controller.Persistence.Hosting;
using Controller.Persistence.Queries;
using Controller.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Persistence.Tests.Support;

/// <summary>The persistence services exactly as a host registers them, for one test database.</summary>
public sealed class StoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public StoreHarness(StoreOptions options)
    {
        Options = options;
        _services = new ServiceCollection().AddControllerPersistence(options).BuildServiceProvider();
    }

    public StoreOptions Options { get; }

    public IServiceProvider Services => _services;

    public IDbContextFactory<ControllerDbContext> ContextFactory => _services.GetRequiredService<IDbContextFactory<ControllerDbContext>>();

    public TelemetryStore Telemetry => _services.GetRequiredService<TelemetryStore>();

    public DecisionStore Decisions => _services.GetRequiredService<DecisionStore>();

    public OutcomeStore Outcomes => _services.GetRequiredService<OutcomeStore>();

    public PolicyStore Policies => _services.GetRequiredService<PolicyStore>();

    public PolicyRegistryStore Registry => _services.GetRequiredService<PolicyRegistryStore>();

    public PolicyOutcomesQuery PolicyOutcomes => _services.GetRequiredService<PolicyOutcomesQuery>();

    public TrainingJobStore TrainingJobs => _services.GetRequiredService<TrainingJobStore>();

    public DialogueSpendQuery DialogueSpend => _services.GetRequiredService<DialogueSpendQuery>();

    public DeviceLedgerQuery DeviceLedger => _services.GetRequiredService<DeviceLedgerQuery>();

    public StatsQuery Stats => _services.GetRequiredService<StatsQuery>();

    public Task MigrateAsync() => DatabaseMigrator.MigrateAsync(_services, CancellationToken.None);

    /// <summary>Runs <paramref name="query"/> in a fresh context, for assertions on what is really stored.</summary>
    public async Task<T> QueryAsync<T>(Func<ControllerDbContext, Task<T>> query)
    {
        await using var context = await ContextFactory.CreateDbContextAsync();
        return await query(context);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
