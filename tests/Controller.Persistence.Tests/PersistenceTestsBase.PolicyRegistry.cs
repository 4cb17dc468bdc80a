using Controller.Persistence.Entities;
using Controller.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using static Controller.Persistence.Tests.Support.TestEntities;

namespace Controller.Persistence.Tests;

/// <summary>The policy registry's store: registration, lifecycle changes with history, announcements, shadow decisions.</summary>
public abstract partial class PersistenceTestsBase
{
    private static PolicyChangeNote Note(int minutes, string reason = "test") => new(BaseTime.AddMinutes(minutes), "alice", reason);

    private static PolicyBundleEntity Bundle(string name, string version) => new()
    {
        Name = name,
        Version = version,
        Weights = [1, 2, 3, 4, 5],
        PackageSha256 = new string('a', 64),
        PackageSizeBytes = 321,
    };

    private async Task RegisterAsync(string version, int minutes = 0)
    {
        Assert.True(await Store.Registry.RegisterAsync(Policy("rc-ppo", version, BaseTime), Bundle("rc-ppo", version), Note(minutes, "registered"), CancellationToken.None));
    }

    private async Task<PolicyTransitionResult> MoveAsync(string version, PolicyStatus to, int minutes, string reason = "test") =>
        await Store.Registry.TransitionAsync("rc-ppo", version, to, Note(minutes, reason), CancellationToken.None);

    [Fact]
    public async Task Register_NewVersion_CandidateWithBundleAndHistory()
    {
        await RegisterAsync("v1");

        var policy = await Store.Policies.FindAsync("rc-ppo", "v1", CancellationToken.None);
        var bundle = await Store.Registry.FindBundleAsync("rc-ppo", "v1", CancellationToken.None);
        var history = await Store.Registry.HistoryAsync("rc-ppo", "v1", CancellationToken.None);
        Assert.Equal(PolicyStatus.Candidate, policy!.Status);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, bundle!.Weights);
        Assert.Equal(321, bundle.PackageSizeBytes);
        var change = Assert.Single(history);
        Assert.Null(change.FromStatus);
        Assert.Equal(PolicyStatus.Candidate, change.ToStatus);
        Assert.Equal(("alice", "registered", BaseTime), (change.ChangedBy, change.Reason, change.ChangedAt));
    }

    [Fact]
    public async Task Register_SameVersionTwice_SecondRefusedAndFirstKept()
    {
        await RegisterAsync("v1");
        var other = Bundle("rc-ppo", "v1");
        other.Weights = [9, 9];

        var second = await Store.Registry.RegisterAsync(Policy("rc-ppo", "v1", BaseTime), other, Note(1), CancellationToken.None);

        Assert.False(second);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, (await Store.Registry.FindBundleAsync("rc-ppo", "v1", CancellationToken.None))!.Weights);
        Assert.Single(await Store.Registry.HistoryAsync("rc-ppo", "v1", CancellationToken.None));
    }

    [Fact]
    public async Task Register_BadShaInBundle_ThrowsNamingFieldAndWritesNothing()
    {
        var bundle = Bundle("rc-ppo", "v1");
        bundle.PackageSha256 = "not-a-hash";

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.Registry.RegisterAsync(Policy("rc-ppo", "v1", BaseTime), bundle, Note(0), CancellationToken.None));

        Assert.Contains(nameof(PolicyBundleEntity.PackageSha256), error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.Policies.FindAsync("rc-ppo", "v1", CancellationToken.None));
    }

    [Fact]
    public async Task Transition_SecondCanary_RefusedNamingTheRunningOne()
    {
        await RegisterAsync("v1");
        await RegisterAsync("v2");
        Assert.True((await MoveAsync("v1", PolicyStatus.Canary, 1)).Changed);

        var second = await MoveAsync("v2", PolicyStatus.Canary, 2);

        Assert.False(second.Changed);
        Assert.Contains("rc-ppo/v1 is already the canary", second.Refusal, StringComparison.Ordinal);
        Assert.Equal(PolicyStatus.Candidate, (await Store.Policies.FindAsync("rc-ppo", "v2", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Transition_ConcurrentCanaries_ExactlyOneCanary()
    {
        var versions = Enumerable.Range(0, 8).Select(i => $"v{i}").ToList();
        foreach (var version in versions)
        {
            await RegisterAsync(version);
        }

        var results = await Task.WhenAll(versions.Select(v => Task.Run(() => MoveAsync(v, PolicyStatus.Canary, 1))));

        Assert.Single(results, r => r.Changed);
        Assert.All(results.Where(r => !r.Changed), r => Assert.Contains("already the canary", r.Refusal, StringComparison.Ordinal));
        var statuses = (await Store.Policies.ListAsync(CancellationToken.None)).Select(p => p.Status).ToList();
        Assert.Single(statuses, s => s == PolicyStatus.Canary);
    }

    [Fact]
    public async Task Transition_PromoteThenRollBack_RestoresThePreviousActiveAndRecordsBoth()
    {
        await RegisterAsync("v1");
        await RegisterAsync("v2");
        await MoveAsync("v1", PolicyStatus.Active, 1);
        await MoveAsync("v2", PolicyStatus.Canary, 2);
        var promoted = await Store.Registry.TransitionAsync("rc-ppo", "v2", PolicyStatus.Active, Note(3, "gate refused: no evidence; override: urgent fix") with { GateOverridden = true }, CancellationToken.None);

        var rollback = await MoveAsync("v2", PolicyStatus.RolledBack, 4, "reward fell");

        Assert.Equal("v1", promoted.Replaced!.Version);
        Assert.True(rollback.Changed);
        Assert.Equal("v1", rollback.Restored!.Version);
        Assert.Equal("v1", (await Store.Policies.GetActiveAsync(CancellationToken.None))!.Version);
        Assert.Equal(PolicyStatus.RolledBack, (await Store.Policies.FindAsync("rc-ppo", "v2", CancellationToken.None))!.Status);
        var v2 = await Store.Registry.HistoryAsync("rc-ppo", "v2", CancellationToken.None);
        Assert.Equal([PolicyStatus.Candidate, PolicyStatus.Canary, PolicyStatus.Active, PolicyStatus.RolledBack], v2.Select(h => h.ToStatus));
        Assert.True(v2[2].GateOverridden);
        Assert.Equal(("rc-ppo", "v1"), (v2[2].RelatedName, v2[2].RelatedVersion));
        var v1 = await Store.Registry.HistoryAsync("rc-ppo", "v1", CancellationToken.None);
        Assert.Equal([PolicyStatus.Candidate, PolicyStatus.Active, PolicyStatus.Retired, PolicyStatus.Active], v1.Select(h => h.ToStatus));
        Assert.Contains("restored by the rollback of rc-ppo/v2: reward fell", v1[3].Reason, StringComparison.Ordinal);
        Assert.Equal(BaseTime.AddMinutes(4), (await Store.Policies.GetActiveAsync(CancellationToken.None))!.ActivatedAt);
    }

    [Fact]
    public async Task Transition_RollBackTheOnlyActive_RefusedNothingToRestore()
    {
        await RegisterAsync("v1");
        await MoveAsync("v1", PolicyStatus.Active, 1);

        var rollback = await MoveAsync("v1", PolicyStatus.RolledBack, 2);

        Assert.False(rollback.Changed);
        Assert.Contains("no earlier active version", rollback.Refusal, StringComparison.Ordinal);
        Assert.Equal("v1", (await Store.Policies.GetActiveAsync(CancellationToken.None))!.Version);
    }

    [Theory]
    [InlineData(PolicyStatus.Candidate, PolicyStatus.RolledBack)]
    [InlineData(PolicyStatus.Candidate, PolicyStatus.Candidate)]
    [InlineData(PolicyStatus.Active, PolicyStatus.Retired)]
    public async Task Transition_MoveTheLifecycleForbids_RefusedWithReasonAndNoHistory(PolicyStatus from, PolicyStatus to)
    {
        await RegisterAsync("v1");
        if (from != PolicyStatus.Candidate)
        {
            await MoveAsync("v1", from, 1);
        }

        var before = (await Store.Registry.HistoryAsync("rc-ppo", "v1", CancellationToken.None)).Count;
        var result = await MoveAsync("v1", to, 2);

        Assert.False(result.Changed);
        Assert.Contains($"rc-ppo/v1 is {from}", result.Refusal, StringComparison.Ordinal);
        Assert.Equal(before, (await Store.Registry.HistoryAsync("rc-ppo", "v1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Transition_UnknownVersion_RefusedNamingIt()
    {
        var result = await MoveAsync("nope", PolicyStatus.Shadow, 1);

        Assert.Equal("no policy rc-ppo/nope is registered", result.Refusal);
    }

    [Fact]
    public async Task ClaimAnnouncements_ConcurrentClaimers_EachActivationClaimedExactlyOnce()
    {
        await RegisterAsync("v1");
        await RegisterAsync("v2");
        await MoveAsync("v1", PolicyStatus.Active, 1);
        await MoveAsync("v2", PolicyStatus.Active, 2);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => Store.Registry.ClaimAnnouncementsAsync(BaseTime.AddMinutes(3), CancellationToken.None))));

        var claimed = claims.SelectMany(c => c).Select(c => c.Version).Order().ToList();
        Assert.Equal(["v1", "v2"], claimed);
        Assert.Empty(await Store.Registry.ClaimAnnouncementsAsync(BaseTime.AddMinutes(4), CancellationToken.None));
    }

    [Fact]
    public async Task RecordShadowDecisions_SameRowTwice_KeptOnceAndListedForItsVersion()
    {
        var decision = Decision("dev-1", "dlg-1", 0, BaseTime);
        await Store.Decisions.RecordDecisionAsync(decision, CancellationToken.None);
        var shadow = new ShadowDecisionEntity
        {
            DecisionId = decision.DecisionId,
            PolicyName = "rc-ppo",
            PolicyVersion = "v9",
            ActionIndex = 3,
            Location = "Cloud",
            UploadModalityIds = ["cam-front"],
            Propensity = 0.25,
            ExpectedLatencyMs = 700,
            ExpectedCostUsd = 0.002,
            ExpectedEnergyJoules = 1.5,
            DecidedAt = BaseTime,
        };

        await Store.Registry.RecordShadowDecisionsAsync([shadow], CancellationToken.None);
        await Store.Registry.RecordShadowDecisionsAsync([shadow], CancellationToken.None);

        var listed = await Store.Registry.ListShadowDecisionsAsync("rc-ppo", "v9", BaseTime, 10, CancellationToken.None);
        var row = Assert.Single(listed);
        Assert.Equal((3, "Cloud", 0.25), (row.ActionIndex, row.Location, row.Propensity));
        Assert.Empty(await Store.Registry.ListShadowDecisionsAsync("rc-ppo", "v8", BaseTime, 10, CancellationToken.None));
    }

    [Fact]
    public async Task RecordShadowDecisions_NoSuchLiveDecision_RefusedByForeignKey()
    {
        var orphan = new ShadowDecisionEntity
        {
            DecisionId = Guid.NewGuid(), PolicyName = "rc-ppo", PolicyVersion = "v9", Location = "Local", Propensity = 1, DecidedAt = BaseTime,
        };

        await Assert.ThrowsAsync<DbUpdateException>(() => Store.Registry.RecordShadowDecisionsAsync([orphan], CancellationToken.None));
    }

    [Fact]
    public async Task PolicyOutcomes_MixedPolicies_OnlyThatVersionsJoinedDecisions()
    {
        var mine = Decision("dev-1", "dlg-1", 0, BaseTime);
        var pending = Decision("dev-1", "dlg-1", 1, BaseTime.AddSeconds(1));
        var other = Decision("dev-1", "dlg-1", 2, BaseTime.AddSeconds(2));
        other.PolicyVersion = "other";
        foreach (var d in new[] { mine, pending, other })
        {
            await Store.Decisions.RecordDecisionAsync(d, CancellationToken.None);
        }

        await Store.Outcomes.RecordOutcomeAsync(Outcome(mine), CancellationToken.None);
        await Store.Outcomes.RecordOutcomeAsync(Outcome(other), CancellationToken.None);

        var loaded = await Store.PolicyOutcomes.LoadAsync(mine.PolicyName, mine.PolicyVersion, BaseTime, 100, CancellationToken.None);

        var only = Assert.Single(loaded);
        Assert.Equal(mine.DecisionId, only.DecisionId);
        Assert.Equal(912.25, only.Outcome!.TotalLatencyMs);
    }
}
