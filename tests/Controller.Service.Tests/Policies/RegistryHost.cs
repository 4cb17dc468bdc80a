using Controller.Service.Policies;
using Controller.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Policies;

/// <summary>A real controller (SQLite, in-memory bus) with the spec-checking loader registered, and registry shortcuts.</summary>
internal static class RegistryHost
{
    public static Task<ControllerTestHost> StartAsync(double canaryShare = 0.1) =>
        ControllerTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Policies:CanaryShare"] = canaryShare.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // The tests refresh explicitly; a slow poll keeps the watcher from racing them.
                ["Policies:PollIntervalSeconds"] = "3600",
            },
            services => services.AddSingleton<IPolicyBundleLoader, SpecCheckingLoader>());

    public static PolicyRegistry Registry(this ControllerTestHost host) => host.Services.GetRequiredService<PolicyRegistry>();

    public static Task RefreshAsync(this ControllerTestHost host) => host.Services.GetRequiredService<PolicyRegistryWatcher>().RefreshAsync(CancellationToken.None);

    public static async Task RegisterAsync(this ControllerTestHost host, string name, string version)
    {
        var (manifest, weights) = TestBundles.Build(name, version);
        var result = await host.Registry().RegisterAsync(manifest, weights, "tester", "test bundle", CancellationToken.None);
        Assert.True(result.Registered, result.Refusal);
    }

    public static readonly PromotionOverride Override = new("tester", "test: no OPE gate in this branch");
}
