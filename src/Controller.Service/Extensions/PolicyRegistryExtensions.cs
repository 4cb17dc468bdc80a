using Controller.Service.Options;
using Controller.Service.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Controller.Service.Extensions;

public static class PolicyRegistryExtensions
{
    /// <summary>
    /// The policy registry and its lifecycle (section <c>Policies</c>), shared by the service and the CLI. The promotion
    /// gate defaults to <see cref="EvaluatorRequiredGate"/>; the bundle loader is whatever <see cref="IPolicyBundleLoader"/>
    /// the host registers (none here: the learned-policy loader is registered beside it).
    /// </summary>
    public static IServiceCollection AddPolicyRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PoliciesOptions>()
            .Bind(configuration.GetSection(PoliciesOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BundleLoaderAccess>();
        services.TryAddSingleton<IPromotionGate, EvaluatorRequiredGate>();
        services.TryAddSingleton<PolicyRegistry>();
        return services;
    }

    /// <summary>What a serving replica adds: the rollout set, shadow scoring, the registry watcher (after the initial activation) and the rollback monitor.</summary>
    public static IServiceCollection AddPolicyRollout(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPolicyRegistry(configuration);
        services.TryAddSingleton<RolloutPolicies>();
        services.TryAddSingleton<ShadowScorer>();
        services.TryAddSingleton<PolicyRegistryWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<PolicyRegistryWatcher>());
        services.TryAddSingleton<RollbackMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<RollbackMonitor>());
        return services;
    }
}
