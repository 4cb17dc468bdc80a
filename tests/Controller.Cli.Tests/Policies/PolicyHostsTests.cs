using Controller.Cli.Policies;
using Controller.Persistence;
using Controller.Service;
using Controller.Service.Extensions;
using Controller.Service.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Cli.Tests.Policies;

/// <summary>Which bundle loader and which promotion gate each host resolves: serve and the CLI share the loader, not the gate.</summary>
public sealed class PolicyHostsTests
{
    [Fact]
    public async Task ServeHost_Resolves_LearnedPolicyLoaderAndEvaluatorRequiredGate()
    {
        await using var app = ControllerHost.Build(["--Store:Provider", "Sqlite", "--Store:ConnectionString", "Data Source=:memory:"]);

        Assert.IsType<LearnedPolicyLoader>(app.Services.GetRequiredService<BundleLoaderAccess>().Loader);
        Assert.IsType<EvaluatorRequiredGate>(app.Services.GetRequiredService<IPromotionGate>());
    }

    [Fact]
    public async Task CliPolicyServices_Resolve_LearnedPolicyLoaderAndOffPolicyGate()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddControllerPersistence(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        services.AddCliPolicyGate(configuration);
        services.AddPolicyRegistry(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<LearnedPolicyLoader>(provider.GetRequiredService<BundleLoaderAccess>().Loader);
        Assert.IsType<OffPolicyPromotionGate>(provider.GetRequiredService<IPromotionGate>());
        Assert.NotNull(provider.GetRequiredService<PolicyRegistry>());
    }
}
