using System.Net;
using System.Net.Http.Json;
using System.Text;
using Controller.Contracts;
using Controller.Persistence.Entities;
using Controller.Service.Policies;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;

namespace Controller.Service.Tests.Policies;

public sealed class PolicyRegistryTests : IAsyncLifetime
{
    private ControllerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RegistryHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> CorruptBundles() => new()
    {
        { "bad-json", "is not valid JSON" },
        { "weights-hash", "has SHA-256" },
        { "format-version", "field formatVersion is 2" },
        { "features", "cannot serve here: observation features" },
        { "actions", "cannot serve here: 5 actions" },
    };

    [Theory]
    [MemberData(nameof(CorruptBundles))]
    public async Task Register_CorruptOrIncompatibleBundle_RefusedWithReasonAndNeverACandidate(string defect, string reason)
    {
        var (manifest, weights) = defect switch
        {
            "features" => TestBundles.Build("rc-ppo", "bad", features: ["a", "b", "c"]),
            "actions" => TestBundles.Build("rc-ppo", "bad", actions: 5),
            _ => TestBundles.Build("rc-ppo", "bad"),
        };
        var text = Encoding.UTF8.GetString(manifest);
        switch (defect)
        {
            case "bad-json": manifest = Encoding.UTF8.GetBytes(text[..(text.Length / 2)]); break;
            case "weights-hash": weights[^1] ^= 0xFF; break;
            case "format-version": manifest = Encoding.UTF8.GetBytes(text.Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal)); break;
        }

        var result = await _host.Registry().RegisterAsync(manifest, weights, "tester", "try", CancellationToken.None);

        Assert.False(result.Registered);
        Assert.Contains(reason, result.Refusal, StringComparison.Ordinal);
        Assert.Equal(0, await _host.QueryAsync(db => db.Policies.CountAsync(p => p.Version == "bad")));
    }

    [Fact]
    public async Task Register_SameVersionTwice_SecondRefusedAsImmutable()
    {
        await _host.RegisterAsync("rc-ppo", "v1");
        var (manifest, weights) = TestBundles.Build("rc-ppo", "v1");

        var again = await _host.Registry().RegisterAsync(manifest, weights, "tester", "again", CancellationToken.None);

        Assert.Contains("already registered; versions are immutable", again.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_NoEvaluatorAndNoOverride_RefusedAndStillCandidate()
    {
        await _host.RegisterAsync("rc-ppo", "v1");

        var attempt = await _host.Registry().PromoteAsync("rc-ppo", "v1", "tester", "ship it", null, CancellationToken.None);

        Assert.False(attempt.Verdict!.Passed);
        Assert.Contains("no off-policy estimator is configured", attempt.Result.Refusal, StringComparison.Ordinal);
        Assert.Equal(PolicyStatus.Candidate, (await _host.QueryAsync(db => db.Policies.SingleAsync(p => p.Version == "v1"))).Status);
    }

    [Fact]
    public async Task Promote_WithOverride_ActiveAndOverrideRecordedWithWhoAndWhy()
    {
        await _host.RegisterAsync("rc-ppo", "v1");

        var attempt = await _host.Registry().PromoteAsync("rc-ppo", "v1", "tester", "ship it", new PromotionOverride("bob", "incident 42"), CancellationToken.None);
        await _host.RefreshAsync();

        Assert.True(attempt.Result.Changed, attempt.Result.Refusal);
        var change = await _host.QueryAsync(db => db.PolicyHistory.SingleAsync(h => h.Version == "v1" && h.ToStatus == PolicyStatus.Active));
        Assert.True(change.GateOverridden);
        Assert.Equal("bob", change.ChangedBy);
        Assert.Contains("gate refused: no off-policy estimator", change.Reason, StringComparison.Ordinal);
        Assert.Contains("incident 42", change.Reason, StringComparison.Ordinal);
        var decided = await DecideAsync("device-1");
        Assert.Equal(("rc-ppo", "v1"), (decided.PolicyName, decided.PolicyVersion));
    }

    [Fact]
    public async Task Shadow_LiveRequests_ShadowChoiceLoggedPerDecisionAndNeverReturned()
    {
        var initial = await DecideAsync("device-0");
        await _host.RegisterAsync("rc-ppo", "shadow-1");
        Assert.True((await _host.Registry().ShadowAsync("rc-ppo", "shadow-1", "tester", "watch it", CancellationToken.None)).Changed);
        await _host.RefreshAsync();

        var decisions = new List<PlacementDecided>();
        for (var i = 0; i < 20; i++)
        {
            decisions.Add(await DecideAsync($"device-{i}"));
        }

        Assert.All(decisions, d => Assert.Equal((initial.PolicyName, initial.PolicyVersion), (d.PolicyName, d.PolicyVersion)));
        var shadows = await _host.QueryAsync(db => db.ShadowDecisions.ToListAsync());
        Assert.Equal(decisions.Select(d => d.DecisionId).Order(), shadows.Select(s => s.DecisionId).Order());
        Assert.All(shadows, s =>
        {
            Assert.Equal(("rc-ppo", "shadow-1"), (s.PolicyName, s.PolicyVersion));
            Assert.InRange(s.Propensity, double.Epsilon, 1);
        });
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 30)]
    public async Task Canary_ShareZeroOrOne_DecidesForNoneOrAllDevices(double share, int expectedByCanary)
    {
        await using var host = await RegistryHost.StartAsync(canaryShare: share);
        await host.RegisterAsync("rc-ppo", "canary-1");
        var canary = await host.Registry().CanaryAsync("rc-ppo", "canary-1", "tester", "try", RegistryHost.Override, CancellationToken.None);
        Assert.True(canary.Result.Changed, canary.Result.Refusal);
        await host.RefreshAsync();

        var byCanary = 0;
        for (var i = 0; i < 30; i++)
        {
            using var response = await host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request($"device-{i}"), ContractJson.Options);
            var decided = (await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!;
            byCanary += decided.PolicyVersion == "canary-1" ? 1 : 0;
        }

        Assert.Equal(expectedByCanary, byCanary);
    }

    [Fact]
    public async Task BundleEndpoint_RegisteredVersion_ReturnsThePackageWithTheAnnouncedHashAndSize()
    {
        await _host.RegisterAsync("rc-ppo", "v1");
        var (manifest, weights) = TestBundles.Build("rc-ppo", "v1");

        using var response = await _host.Http.GetAsync("v1/policies/rc-ppo/v1/bundle");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await _host.QueryAsync(db => db.PolicyBundles.SingleAsync());
        Assert.Equal(stored.PackageSha256, PolicyPackage.Sha256(bytes));
        Assert.Equal(stored.PackageSizeBytes, bytes.Length);
        var (manifestJson, weightsBack) = PolicyPackage.Read(bytes);
        Assert.Equal(Encoding.UTF8.GetString(manifest), manifestJson);
        Assert.Equal(weights, weightsBack);
    }

    [Theory]
    [InlineData("v1/policies/rc-ppo/missing/bundle")]
    [InlineData("v1/policies/nobody/v1/bundle")]
    public async Task BundleEndpoint_UnknownVersion_NotFound(string path)
    {
        using var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<PlacementDecided> DecideAsync(string deviceId)
    {
        using var response = await _host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request(deviceId), ContractJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!;
    }
}
