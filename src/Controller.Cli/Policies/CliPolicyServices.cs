using Controller.Service.Options;
using Controller.Service.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Controller.Cli.Policies;

public static class CliPolicyServices
{
    /// <summary>
    /// What <c>controller policy …</c> adds before the registry: the real bundle loader (as <c>serve</c> registers it in
    /// AddDecisionPath, with the Decision options it reads) and <see cref="OffPolicyPromotionGate"/>, registered first so
    /// the registry's TryAdd of <see cref="EvaluatorRequiredGate"/> leaves it in place.
    /// </summary>
    public static IServiceCollection AddCliPolicyGate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DecisionOptions>().Bind(configuration.GetSection(DecisionOptions.SectionName)).ValidateDataAnnotations();
        services.AddOptions<OffPolicyGateOptions>().Bind(configuration.GetSection(OffPolicyGateOptions.SectionName)).ValidateDataAnnotations();
        services.TryAddSingleton<IPolicyBundleLoader, LearnedPolicyLoader>();
        services.TryAddSingleton<OffPolicyPromotionGate>();
        services.TryAddSingleton<IPromotionGate>(sp => sp.GetRequiredService<OffPolicyPromotionGate>());
        return services;
    }
}
