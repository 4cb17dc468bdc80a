using Controller.Persistence.Entities;
using Controller.Persistence.Stores;
using Controller.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Decisions;

/// <summary>What a (re)start does to the policy lifecycle on record.</summary>
public sealed class PolicyActivationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "controller-tests", $"restart-{Guid.NewGuid():N}");

    [Fact]
    public async Task Restart_AfterAPolicyWasPromoted_KeepsThatPolicyActiveOnRecord()
    {
        var settings = new Dictionary<string, string?> { ["Store:ConnectionString"] = $"Data Source={Path.Combine(_directory, "controller.db")}" };
        Directory.CreateDirectory(_directory);
        await using (var first = await ControllerTestHost.StartAsync(settings))
        {
            var policies = first.Services.GetRequiredService<PolicyStore>();
            var now = DateTimeOffset.UtcNow;
            await policies.UpsertAsync(new PolicyEntity { Name = "rc-ppo", Version = "7", Algorithm = "rc-ppo", Status = PolicyStatus.Candidate, CreatedAt = now }, CancellationToken.None);
            await policies.SetStatusAsync("rc-ppo", "7", PolicyStatus.Active, now, CancellationToken.None);
        }

        await using var restarted = await ControllerTestHost.StartAsync(settings);

        var active = await restarted.Services.GetRequiredService<PolicyStore>().GetActiveAsync(CancellationToken.None);
        Assert.Equal(("rc-ppo", "7"), (active?.Name, active?.Version));
    }

    [Fact]
    public async Task Restart_WithTheInitialPolicyOnRecord_LeavesItActive()
    {
        var settings = new Dictionary<string, string?> { ["Store:ConnectionString"] = $"Data Source={Path.Combine(_directory, "controller.db")}" };
        Directory.CreateDirectory(_directory);
        string? firstName;
        await using (var first = await ControllerTestHost.StartAsync(settings))
        {
            firstName = (await first.Services.GetRequiredService<PolicyStore>().GetActiveAsync(CancellationToken.None))?.Name;
        }

        await using var restarted = await ControllerTestHost.StartAsync(settings);

        var policies = await restarted.Services.GetRequiredService<PolicyStore>().ListAsync(CancellationToken.None);
        Assert.Equal("baseline-greedy", firstName);
        Assert.Equal([("baseline-greedy", PolicyStatus.Active)], policies.Select(p => (p.Name, p.Status)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner; uniquely named.
        }
    }
}
