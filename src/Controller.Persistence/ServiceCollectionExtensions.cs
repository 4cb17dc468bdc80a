using Controller.Persistence.Hosting;
using Controller.Persistence.Queries;
using Controller.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Controller.Persistence;

/// <summary>Registers the controller's store: options, DbContext factory, stores, queries, start-up migration.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StoreOptions"/> from the <c>Store</c> section of <paramref name="configuration"/>,
    /// validated when the host starts, and registers persistence. Call it before the message bus so
    /// migrations finish before consumers start.
    /// </summary>
    public static IServiceCollection AddControllerPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.SectionName))
            .ValidateOnStart();
        return services.AddPersistenceServices();
    }

    /// <summary>Registers persistence with options given in code (CLI, tests); they are validated now.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each key.</exception>
    public static IServiceCollection AddControllerPersistence(this IServiceCollection services, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        StoreOptionsValidator.ThrowIfInvalid(options);
        services.AddOptions<StoreOptions>().Configure(target =>
        {
            target.Provider = options.Provider;
            target.ConnectionString = options.ConnectionString;
            target.MigrateOnStart = options.MigrateOnStart;
            target.StartupTimeoutSeconds = options.StartupTimeoutSeconds;
            target.SqliteBusyTimeoutMs = options.SqliteBusyTimeoutMs;
            target.DecisionLogCapacity = options.DecisionLogCapacity;
            target.DecisionLogMaxBatch = options.DecisionLogMaxBatch;
        });
        return services.AddPersistenceServices();
    }

    private static IServiceCollection AddPersistenceServices(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>());
        services.AddPooledDbContextFactory<ControllerDbContext>((provider, builder) =>
            ControllerDbContextOptions.Configure(builder, provider.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<SqliteWriteGate>();
        services.TryAddSingleton<TelemetryStore>();
        services.TryAddSingleton<DecisionLogWriter>();
        services.TryAddSingleton<DecisionStore>();
        services.TryAddSingleton<OutcomeStore>();
        services.TryAddSingleton<PolicyStore>();
        services.TryAddSingleton<PolicyRegistryStore>();
        services.TryAddSingleton<PolicyOutcomesQuery>();
        services.TryAddSingleton<TrainingJobStore>();
        services.TryAddSingleton<DialogueSpendQuery>();
        services.TryAddSingleton<DeviceLedgerQuery>();
        services.TryAddSingleton<StatsQuery>();
        services.AddHostedService<DatabaseMigrationHostedService>();
        return services;
    }
}
