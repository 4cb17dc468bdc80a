using Controller.Offloading.Placement;
using Controller.Service.Decisions;
using Controller.Service.Http;
using Controller.Service.Ingestion;
using Controller.Service.Metrics;
using Controller.Service.Options;
using Controller.Service.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Controller.Service.Extensions;

public static class DecisionPathExtensions
{
    /// <summary>Ingestion of heartbeats and outcomes, the decision path, and the starting policy (sections <c>Decision</c>, <c>Stats</c>).</summary>
    public static IServiceCollection AddDecisionPath(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DecisionOptions>()
            .Bind(configuration.GetSection(DecisionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<StatsOptions>()
            .Bind(configuration.GetSection(StatsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CachedStats>();
        services.AddSingleton<OperatorMetrics>();
        services.AddSingleton<DecisionMetrics>();
        services.AddSingleton<DeviceLedger>();
        services.TryAddSingleton<IDeviceRecordSource, StoreDeviceRecordSource>();
        services.AddSingleton<DeviceStateLookup>();
        services.AddSingleton<ActivePolicy>();
        services.AddSingleton<DecisionRandom>();
        services.AddSingleton<DialogueGate>();
        services.AddSingleton<DialogueLedgerCache>();
        services.TryAddSingleton(sp =>
        {
            var problem = InitialPolicy.ObservationProblem(sp.GetRequiredService<IOptions<DecisionOptions>>().Value, out var reason);
            return new DecisionObservationProblem(problem, reason);
        });
        services.AddSingleton<DecisionService>();
        services.AddSingleton<HeartbeatIngestor>();
        services.AddSingleton<OutcomeIngestor>();
        services.TryAddSingleton<IPlacementPolicy>(sp =>
            InitialPolicy.Create(sp.GetRequiredService<IOptions<DecisionOptions>>().Value, sp.GetRequiredService<IPolicyBundleLoader>()));
        services.TryAddSingleton<IPolicyBundleLoader, LearnedPolicyLoader>();
        services.AddHostedService<PolicyActivationService>();
        return services;
    }
}
