using Controller.Persistence.Entities;
using Controller.Persistence.Queries;
using Controller.Persistence.Stores;
using Controller.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using static Controller.Persistence.Tests.Support.TestEntities;

namespace Controller.Persistence.Tests;

/// <summary>
/// Behaviour every provider must show. Each test gets its own freshly migrated database from the
/// subclass, so tests never see each other's rows.
/// </summary>
public abstract partial class PersistenceTestsBase : IAsyncLifetime
{
    private static readonly string[] AllMigrations = ["20261122000000_Initial", "20261202000000_HeartbeatsByReceipt", "20261202000100_DialoguesPerDevice", "20261203000100_DecisionFallback", "20261203000200_PolicyRegistry"];
    private static readonly string[] EfBookkeepingTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    private readonly List<StoreHarness> _harnesses = [];

    protected StoreHarness Store { get; private set; } = null!;

    /// <summary>Creates an empty database no other test uses and returns options pointing at it.</summary>
    protected abstract Task<StoreOptions> CreateDatabaseAsync();

    /// <summary>Drops every database <see cref="CreateDatabaseAsync"/> made for this test.</summary>
    protected abstract Task DropDatabasesAsync();

    protected abstract ISchemaReader SchemaReader { get; }

    /// <summary>
    /// Starts <paramref name="writer"/> on <see cref="Store"/> while another transaction holds a write lock it needs, and
    /// returns its task once the writer is held up by that lock (as far as the provider lets a test see it).
    /// </summary>
    protected abstract Task<Task<T>> StartHeldUpByOtherWriterAsync<T>(Func<Task<T>> writer);

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }

        await DropDatabasesAsync();
    }

    private async Task<StoreHarness> CreateStoreAsync()
    {
        var harness = new StoreHarness(await CreateDatabaseAsync());
        _harnesses.Add(harness);
        return harness;
    }

    /// <summary>Points <see cref="Store"/> at a fresh, migrated database with options changed by <paramref name="configure"/>.</summary>
    protected async Task UseStoreAsync(Action<StoreOptions> configure)
    {
        var options = await CreateDatabaseAsync();
        configure(options);
        var harness = new StoreHarness(options);
        _harnesses.Add(harness);
        await harness.MigrateAsync();
        Store = harness;
    }

    // ---- migrations and schema -------------------------------------------------------------

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration()
    {
        var empty = await CreateStoreAsync();

        await empty.MigrateAsync();

        var applied = await empty.QueryAsync(c => c.Database.GetAppliedMigrationsAsync());
        var pending = await empty.QueryAsync(c => c.Database.GetPendingMigrationsAsync());
        Assert.Equal(AllMigrations, applied);
        Assert.Empty(pending);
        Assert.Equal(0L, (await empty.Stats.GetAsync(CancellationToken.None)).Decisions);
    }

    [Fact]
    public async Task Migrate_AlreadyMigrated_IsNoOp()
    {
        await Store.MigrateAsync();

        var applied = await Store.QueryAsync(c => c.Database.GetAppliedMigrationsAsync());
        Assert.Equal(AllMigrations, applied);
    }

    [Fact]
    public async Task Schema_AfterMigration_HasExactlyTheModelTablesAndColumns()
    {
        var tables = ModelTables();
        await using var context = await Store.ContextFactory.CreateDbContextAsync();
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();

        var dbTables = (await SchemaReader.ReadTablesAsync(connection)).Except(EfBookkeepingTables).Order(StringComparer.Ordinal);
        Assert.Equal(tables.Select(t => t.Name).Order(StringComparer.Ordinal), dbTables);
        foreach (var table in tables)
        {
            var expected = table.Columns
                .Select(c => new DbColumn(c.Name, c.StoreType.ToUpperInvariant(), c.IsNullable))
                .OrderBy(c => c.Name, StringComparer.Ordinal);
            var actual = (await SchemaReader.ReadColumnsAsync(connection, table.Name))
                .Select(c => c with { StoreType = c.StoreType.ToUpperInvariant() })
                .OrderBy(c => c.Name, StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Schema_AfterMigration_HasTheModelIndexes()
    {
        var tables = ModelTables();
        await using var context = await Store.ContextFactory.CreateDbContextAsync();
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();

        foreach (var table in tables)
        {
            var expected = table.Indexes
                .Select(i => (i.Name, i.IsUnique, Columns: string.Join(",", i.Columns.Select(c => c.Name))))
                .Order();
            var actual = (await SchemaReader.ReadIndexesAsync(connection, table.Name))
                .Select(i => (i.Name, i.IsUnique, Columns: string.Join(",", i.Columns)))
                .Order();
            Assert.Equal(expected, actual);
        }
    }

    private IReadOnlyList<ITable> ModelTables()
    {
        using var context = Store.ContextFactory.CreateDbContext();
        return context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.ToList();
    }

    // ---- heartbeats and devices -------------------------------------------------------------

    [Fact]
    public async Task RecordHeartbeat_NewDevice_StoresHeartbeatAndDeviceState()
    {
        var heartbeat = Heartbeat("dev-1", BaseTime);

        var inserted = await Store.Telemetry.RecordHeartbeatAsync(heartbeat, CancellationToken.None);

        Assert.True(inserted);
        var stored = await Store.QueryAsync(c => c.Heartbeats.SingleAsync());
        PropertyAssert.AllScalarsEqual(heartbeat, stored);
        var device = await Store.Telemetry.FindDeviceAsync("dev-1", CancellationToken.None);
        Assert.NotNull(device);
        Assert.Equal(heartbeat.HeartbeatId, device.LastHeartbeatId);
        Assert.Equal(BaseTime, device.FirstSeenAt);
        Assert.Equal(BaseTime, device.LastSeenAt);
        Assert.Equal(heartbeat.DraftAcceptanceEstimate, device.DraftAcceptanceEstimate);
        Assert.Equal(heartbeat.Network, device.Network);
        Assert.Equal(heartbeat.RttMs, device.RttMs);
    }

    [Fact]
    public async Task RecordHeartbeat_SameIdTwice_SecondReturnsFalseAndStoresOneRow()
    {
        var heartbeat = Heartbeat("dev-1", BaseTime);
        Assert.True(await Store.Telemetry.RecordHeartbeatAsync(heartbeat, CancellationToken.None));

        var redelivered = Heartbeat("dev-1", BaseTime.AddMinutes(5), heartbeat.HeartbeatId);
        var second = await Store.Telemetry.RecordHeartbeatAsync(redelivered, CancellationToken.None);

        Assert.False(second);
        Assert.Equal(1, await Store.QueryAsync(c => c.Heartbeats.CountAsync()));
        var device = await Store.Telemetry.FindDeviceAsync("dev-1", CancellationToken.None);
        Assert.Equal(BaseTime, device!.LastSeenAt);
    }

    [Fact]
    public async Task RecordHeartbeat_EightConcurrentWithSameId_ExactlyOneReturnsTrue()
    {
        var id = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.Telemetry.RecordHeartbeatAsync(Heartbeat("dev-1", BaseTime.AddSeconds(i), id), CancellationToken.None))));

        Assert.Single(results, r => r);
        Assert.Equal(1, await Store.QueryAsync(c => c.Heartbeats.CountAsync()));
        Assert.Equal(1, await Store.QueryAsync(c => c.Devices.CountAsync()));
    }

    [Fact]
    public async Task RecordHeartbeat_OlderAfterNewer_DeviceKeepsNewerStateAndMovesFirstSeenBack()
    {
        var newer = Heartbeat("dev-1", BaseTime.AddMinutes(10));
        var older = Heartbeat("dev-1", BaseTime);
        older.BatteryPercent = 99;

        await Store.Telemetry.RecordHeartbeatAsync(newer, CancellationToken.None);
        await Store.Telemetry.RecordHeartbeatAsync(older, CancellationToken.None);

        var device = await Store.Telemetry.FindDeviceAsync("dev-1", CancellationToken.None);
        Assert.Equal(newer.HeartbeatId, device!.LastHeartbeatId);
        Assert.Equal(newer.BatteryPercent, device.BatteryPercent);
        Assert.Equal(newer.SentAt, device.LastSeenAt);
        Assert.Equal(older.SentAt, device.FirstSeenAt);
        Assert.Equal(2, await Store.QueryAsync(c => c.Heartbeats.CountAsync()));
    }

    [Fact]
    public async Task RecordHeartbeat_ConcurrentDistinctHeartbeatsOfNewDevice_DeviceHoldsNewest()
    {
        var heartbeats = Enumerable.Range(0, 8).Select(i =>
        {
            var heartbeat = Heartbeat("dev-race", BaseTime.AddSeconds(i));
            heartbeat.BatteryPercent = 50 + i;
            return heartbeat;
        }).ToList();

        var results = await Task.WhenAll(heartbeats.Select(h =>
            Task.Run(() => Store.Telemetry.RecordHeartbeatAsync(h, CancellationToken.None))));

        Assert.All(results, Assert.True);
        var device = await Store.Telemetry.FindDeviceAsync("dev-race", CancellationToken.None);
        Assert.Equal(heartbeats[^1].HeartbeatId, device!.LastHeartbeatId);
        Assert.Equal(57, device.BatteryPercent);
        Assert.Equal(BaseTime, device.FirstSeenAt);
        Assert.Equal(BaseTime.AddSeconds(7), device.LastSeenAt);
    }

    [Fact]
    public async Task RecordHeartbeat_DeviceRowInsertedByConcurrentWriter_NewerHeartbeatStillWins()
    {
        // Another writer holds an uncommitted insert of the device row while the heartbeat is recorded:
        // PostgreSQL makes the store's own insert wait and then fail on the key, SQLite makes the whole
        // transaction wait; either way the newer heartbeat must end up as the device state.
        await using var other = await Store.ContextFactory.CreateDbContextAsync();
        await using var transaction = await other.Database.BeginTransactionAsync();
        var stale = Heartbeat("dev-1", BaseTime);
        other.Devices.Add(new DeviceEntity
        {
            DeviceId = "dev-1",
            DeviceClass = "jetson-tx2",
            FirstSeenAt = BaseTime,
            LastSeenAt = BaseTime,
            Network = "Lte",
            LastHeartbeatId = stale.HeartbeatId,
        });
        await other.SaveChangesAsync();
        var newer = Heartbeat("dev-1", BaseTime.AddMinutes(1));

        var recording = await StartHeldUpByOtherWriterAsync(() => Store.Telemetry.RecordHeartbeatAsync(newer, CancellationToken.None));
        Assert.False(recording.IsCompleted);
        await transaction.CommitAsync();

        Assert.True(await recording);
        var device = await Store.Telemetry.FindDeviceAsync("dev-1", CancellationToken.None);
        Assert.Equal(newer.HeartbeatId, device!.LastHeartbeatId);
        Assert.Equal("WiFi", device.Network);
        Assert.Equal(BaseTime, device.FirstSeenAt);
    }

    [Fact]
    public async Task GetHeartbeats_MixedOffsets_OrderedByInstantWithinHalfOpenRange()
    {
        // 10:30+02:00 is 08:30Z: earlier than 09:00Z although its clock text sorts later.
        var inRangeLate = Heartbeat("dev-1", new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var inRangeEarly = Heartbeat("dev-1", new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.FromHours(2)));
        var atUpperBound = Heartbeat("dev-1", new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var beforeRange = Heartbeat("dev-1", new DateTimeOffset(2026, 11, 22, 7, 59, 59, TimeSpan.Zero));
        var otherDevice = Heartbeat("dev-2", new DateTimeOffset(2026, 11, 22, 8, 45, 0, TimeSpan.Zero));
        foreach (var heartbeat in new[] { inRangeLate, atUpperBound, beforeRange, inRangeEarly, otherDevice })
        {
            await Store.Telemetry.RecordHeartbeatAsync(heartbeat, CancellationToken.None);
        }

        var result = await Store.Telemetry.GetHeartbeatsAsync(
            "dev-1", BaseTime, new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.FromHours(2)), 100, CancellationToken.None);

        Assert.Equal([inRangeEarly.HeartbeatId, inRangeLate.HeartbeatId], result.Select(h => h.HeartbeatId));
        Assert.Equal(TimeSpan.Zero, result[0].SentAt.Offset);
        Assert.Equal(inRangeEarly.SentAt, result[0].SentAt);
    }

    [Fact]
    public async Task ListDevicesSeenSince_SeveralDevices_MostRecentFirst()
    {
        await Store.Telemetry.RecordHeartbeatAsync(Heartbeat("dev-a", BaseTime.AddMinutes(1)), CancellationToken.None);
        await Store.Telemetry.RecordHeartbeatAsync(Heartbeat("dev-b", BaseTime.AddMinutes(3)), CancellationToken.None);
        await Store.Telemetry.RecordHeartbeatAsync(Heartbeat("dev-old", BaseTime.AddMinutes(-5)), CancellationToken.None);

        var devices = await Store.Telemetry.ListDevicesSeenSinceAsync(BaseTime, CancellationToken.None);

        Assert.Equal(["dev-b", "dev-a"], devices.Select(d => d.DeviceId));
    }

    [Fact]
    public async Task Timestamp_SubMicrosecondAndOffset_StoredAsUtcWholeMicroseconds()
    {
        var sentAt = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(5.5)).AddTicks(1_234_567);
        var heartbeat = Heartbeat("dev-1", sentAt);

        await Store.Telemetry.RecordHeartbeatAsync(heartbeat, CancellationToken.None);

        var stored = await Store.QueryAsync(c => c.Heartbeats.SingleAsync());
        Assert.Equal(TimeSpan.Zero, stored.SentAt.Offset);
        Assert.Equal(sentAt.UtcTicks - 7, stored.SentAt.UtcTicks);
    }

    // ---- decisions and outcomes ------------------------------------------------------------

    [Fact]
    public async Task RecordDecision_New_RoundTripsEveryField()
    {
        var decision = Decision("dev-1", "dlg-1", 0, BaseTime);

        var stored = await Store.Decisions.RecordDecisionAsync(decision, CancellationToken.None);

        Assert.Same(decision, stored);
        var byId = await Store.Decisions.FindAsync(decision.DecisionId, CancellationToken.None);
        var byRequest = await Store.Decisions.FindByRequestIdAsync(decision.RequestId, CancellationToken.None);
        PropertyAssert.AllScalarsEqual(decision, byId!);
        PropertyAssert.AllScalarsEqual(decision, byRequest!);
        Assert.Null(byId!.Outcome);
    }

    [Fact]
    public async Task RecordDecision_SameRequestIdTwice_ReturnsFirstDecisionUnchanged()
    {
        var first = Decision("dev-1", "dlg-1", 0, BaseTime);
        await Store.Decisions.RecordDecisionAsync(first, CancellationToken.None);
        var retry = Decision("dev-1", "dlg-1", 0, BaseTime.AddSeconds(1), first.RequestId);
        retry.Location = "Local";
        retry.Propensity = 0.9;

        var returned = await Store.Decisions.RecordDecisionAsync(retry, CancellationToken.None);

        PropertyAssert.AllScalarsEqual(first, returned);
        Assert.Equal(1, await Store.QueryAsync(c => c.Decisions.CountAsync()));
    }

    [Fact]
    public async Task RecordDecision_EightConcurrentWithSameRequestId_AllGetOneDecision()
    {
        var requestId = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime.AddSeconds(i), requestId), CancellationToken.None))));

        Assert.Single(results.Select(r => r.DecisionId).Distinct());
        Assert.Equal(1, await Store.QueryAsync(c => c.Decisions.CountAsync()));
    }

    [Fact]
    public async Task RecordDecision_DecisionIdUsedByAnotherRequest_ThrowsNamingBoth()
    {
        var first = Decision("dev-1", "dlg-1", 0, BaseTime);
        await Store.Decisions.RecordDecisionAsync(first, CancellationToken.None);
        var clash = Decision("dev-1", "dlg-1", 1, BaseTime);
        clash.DecisionId = first.DecisionId;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Decisions.RecordDecisionAsync(clash, CancellationToken.None));

        Assert.Contains(first.DecisionId.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(clash.RequestId.ToString(), error.Message, StringComparison.Ordinal);
    }

    // ---- decision log: group commit ----------------------------------------------------------

    [Fact]
    public async Task RecordDecision_SixtyFourConcurrentCallers_EachGetsItsOwnDecisionAndAllAreStored()
    {
        var decisions = Enumerable.Range(0, 64).Select(i => Decision($"dev-{i % 8}", $"dlg-{i}", 0, BaseTime.AddMilliseconds(i))).ToArray();

        var returned = await Task.WhenAll(decisions.Select(d => Task.Run(() => Store.Decisions.RecordDecisionAsync(d, CancellationToken.None))));

        Assert.Equal(decisions.Select(d => d.DecisionId), returned.Select(r => r.DecisionId));
        Assert.Equal(decisions.Select(d => d.RequestId), returned.Select(r => r.RequestId));
        var stored = await Store.QueryAsync(c => c.Decisions.Select(d => d.DecisionId).ToListAsync());
        Assert.Equal(decisions.Select(d => d.DecisionId).Order(), stored.Order());
    }

    [Fact]
    public async Task RecordDecision_BatchHoldingARepeatedRequestId_RepeatGetsTheDecisionOnRecordAndTheOthersAreStored()
    {
        var first = Decision("dev-1", "dlg-1", 0, BaseTime);
        await Store.Decisions.RecordDecisionAsync(first, CancellationToken.None);
        var fresh = Enumerable.Range(1, 16).Select(i => Decision("dev-1", $"dlg-{i}", 0, BaseTime.AddSeconds(i))).ToArray();
        var repeat = Decision("dev-1", "dlg-1", 0, BaseTime.AddSeconds(30), first.RequestId);

        var returned = await Task.WhenAll(fresh.Append(repeat).Select(d => Task.Run(() => Store.Decisions.RecordDecisionAsync(d, CancellationToken.None))));

        Assert.Equal(fresh.Select(d => d.DecisionId), returned.Take(16).Select(r => r.DecisionId));
        PropertyAssert.AllScalarsEqual(first, returned[16]);
        Assert.Equal(17, await Store.QueryAsync(c => c.Decisions.CountAsync()));
    }

    [Fact]
    public async Task RecordDecision_WriterQueueFull_CallerWaitsForRoomAndOneThatGivesUpIsNotRecorded()
    {
        await UseStoreAsync(options =>
        {
            options.DecisionLogCapacity = 1;
            options.DecisionLogMaxBatch = 1;
            // SQLite gives up on a lock after the busy timeout; the held writer must outwait a slow, shared box.
            options.SqliteBusyTimeoutMs = 60_000;
        });
        // Another transaction holds an uncommitted decision for request R, so the writer's batch for R waits on it.
        await using var other = await Store.ContextFactory.CreateDbContextAsync();
        await using var transaction = await other.Database.BeginTransactionAsync();
        var onRecord = Decision("dev-1", "dlg-1", 0, BaseTime);
        other.Decisions.Add(onRecord);
        await other.SaveChangesAsync();
        var writer = Store.Services.GetRequiredService<DecisionLogWriter>();

        var held = await StartHeldUpByOtherWriterAsync(() => Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime.AddSeconds(1), onRecord.RequestId), CancellationToken.None));
        var queued = Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-2", 0, BaseTime.AddSeconds(2)), CancellationToken.None);
        Assert.Equal(1, writer.Queued);
        using var giveUp = new CancellationTokenSource();
        var waiting = Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-3", 0, BaseTime.AddSeconds(3)), giveUp.Token);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted, "a caller finding the queue full must wait for room");
        Assert.False(queued.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await transaction.CommitAsync();

        Assert.Equal(onRecord.DecisionId, (await held).DecisionId);
        await queued;
        var dialogues = await Store.QueryAsync(c => c.Decisions.Select(d => d.DialogueId).ToListAsync());
        Assert.Equal(["dlg-1", "dlg-2"], dialogues.Order());
    }

    [Fact]
    public async Task RecordOutcome_KnownDecision_InsertedAndJoined()
    {
        var decision = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime), CancellationToken.None);
        var outcome = Outcome(decision);

        var result = await Store.Outcomes.RecordOutcomeAsync(outcome, CancellationToken.None);

        Assert.Equal(OutcomeRecordResult.Inserted, result);
        var joined = await Store.Decisions.FindAsync(decision.DecisionId, CancellationToken.None);
        PropertyAssert.AllScalarsEqual(outcome, joined!.Outcome!);
        PropertyAssert.AllScalarsEqual(outcome, (await Store.Outcomes.FindAsync(decision.DecisionId, CancellationToken.None))!);
    }

    [Fact]
    public async Task RecordOutcome_Redelivered_DuplicateAndOneRow()
    {
        var decision = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime), CancellationToken.None);
        await Store.Outcomes.RecordOutcomeAsync(Outcome(decision), CancellationToken.None);

        var second = await Store.Outcomes.RecordOutcomeAsync(Outcome(decision, totalLatencyMs: 1), CancellationToken.None);

        Assert.Equal(OutcomeRecordResult.Duplicate, second);
        var stored = await Store.QueryAsync(c => c.Outcomes.SingleAsync());
        Assert.Equal(912.25, stored.TotalLatencyMs);
    }

    [Fact]
    public async Task RecordOutcome_EightConcurrentForOneDecision_ExactlyOneInserted()
    {
        var decision = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Store.Outcomes.RecordOutcomeAsync(Outcome(decision), CancellationToken.None))));

        Assert.Single(results, r => r == OutcomeRecordResult.Inserted);
        Assert.All(results.Where(r => r != OutcomeRecordResult.Inserted), r => Assert.Equal(OutcomeRecordResult.Duplicate, r));
        Assert.Equal(1, await Store.QueryAsync(c => c.Outcomes.CountAsync()));
    }

    [Fact]
    public async Task RecordOutcome_UnknownDecision_UnknownDecisionAndNothingWritten()
    {
        var neverStored = Decision("dev-1", "dlg-1", 0, BaseTime);

        var result = await Store.Outcomes.RecordOutcomeAsync(Outcome(neverStored), CancellationToken.None);

        Assert.Equal(OutcomeRecordResult.UnknownDecision, result);
        Assert.Equal(0, await Store.QueryAsync(c => c.Outcomes.CountAsync()));
    }

    [Fact]
    public async Task ListForDevice_DecisionsOutOfOrder_ReturnedOldestFirstWithOutcomes()
    {
        var late = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 1, BaseTime.AddMinutes(2)), CancellationToken.None);
        var early = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime.AddMinutes(1)), CancellationToken.None);
        await Store.Decisions.RecordDecisionAsync(Decision("dev-2", "dlg-2", 0, BaseTime.AddMinutes(1)), CancellationToken.None);
        await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 2, BaseTime.AddMinutes(9)), CancellationToken.None);
        await Store.Outcomes.RecordOutcomeAsync(Outcome(early), CancellationToken.None);

        var listed = await Store.Decisions.ListForDeviceAsync("dev-1", BaseTime, BaseTime.AddMinutes(5), 10, CancellationToken.None);

        Assert.Equal([early.DecisionId, late.DecisionId], listed.Select(d => d.DecisionId));
        Assert.NotNull(listed[0].Outcome);
        Assert.Null(listed[1].Outcome);
    }

    [Fact]
    public async Task ListWithOutcomes_MixedDecisions_OnlyJoinedOnesOldestFirst()
    {
        var second = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 1, BaseTime.AddMinutes(2)), CancellationToken.None);
        var first = await Store.Decisions.RecordDecisionAsync(Decision("dev-2", "dlg-2", 0, BaseTime.AddMinutes(1)), CancellationToken.None);
        await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 2, BaseTime.AddMinutes(3)), CancellationToken.None);
        await Store.Outcomes.RecordOutcomeAsync(Outcome(second), CancellationToken.None);
        await Store.Outcomes.RecordOutcomeAsync(Outcome(first), CancellationToken.None);

        var logged = await Store.Decisions.ListWithOutcomesAsync(BaseTime, 10, CancellationToken.None);

        Assert.Equal([first.DecisionId, second.DecisionId], logged.Select(d => d.DecisionId));
        Assert.All(logged, d => Assert.Equal(d.DecisionId, d.Outcome!.DecisionId));
        Assert.Equal(second.Propensity, logged[1].Propensity);
        Assert.Equal(second.PolicyVersion, logged[1].PolicyVersion);
    }

    // ---- queries ----------------------------------------------------------------------------

    [Fact]
    public async Task DialogueSpend_SomeOutcomesPending_SumsReportedAndExpected()
    {
        var reported1 = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime), CancellationToken.None);
        var reported2 = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 1, BaseTime.AddSeconds(10)), CancellationToken.None);
        var pending = Decision("dev-1", "dlg-1", 2, BaseTime.AddSeconds(20));
        pending.ExpectedLatencyMs = 700;
        pending.ExpectedCostUsd = 0.5;
        pending.ExpectedEnergyJoules = 2;
        await Store.Decisions.RecordDecisionAsync(pending, CancellationToken.None);
        await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-other", 0, BaseTime), CancellationToken.None);
        await Store.Decisions.RecordDecisionAsync(Decision("dev-2", "dlg-1", 0, BaseTime), CancellationToken.None); // same id, another device's dialogue
        await Store.Outcomes.RecordOutcomeAsync(Outcome(reported1, 100, 0.25, 1.5), CancellationToken.None);
        await Store.Outcomes.RecordOutcomeAsync(Outcome(reported2, 200, 0.125, 2.5), CancellationToken.None);

        var spend = await Store.DialogueSpend.GetAsync("dev-1", "dlg-1", BaseTime.AddSeconds(25), CancellationToken.None);

        Assert.Equal(new DialogueSpend(3, 2, 0, 300, 0.375, 4, 700, 0.5, 2), spend);
        Assert.Equal(1, spend.PendingCount);
        Assert.Equal(1000, spend.TotalLatencyMs);
    }

    [Fact]
    public async Task DialogueSpend_PendingDecisionPastItsExpiry_NoLongerCounts()
    {
        // The agent timed out and served locally without reporting: the expectation must not block the dialogue forever.
        var abandoned = Decision("dev-1", "dlg-1", 0, BaseTime);
        abandoned.ExpectedLatencyMs = 700;
        abandoned.ExpectedCostUsd = 0.5;
        await Store.Decisions.RecordDecisionAsync(abandoned, CancellationToken.None);
        var reported = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 1, BaseTime.AddSeconds(10)), CancellationToken.None);
        await Store.Outcomes.RecordOutcomeAsync(Outcome(reported, 200, 0.125, 2.5), CancellationToken.None);

        var beforeExpiry = await Store.DialogueSpend.GetAsync("dev-1", "dlg-1", abandoned.ExpiresAt.AddSeconds(-1), CancellationToken.None);
        var afterExpiry = await Store.DialogueSpend.GetAsync("dev-1", "dlg-1", abandoned.ExpiresAt, CancellationToken.None);

        Assert.Equal(new DialogueSpend(2, 1, 0, 200, 0.125, 2.5, 700, 0.5, abandoned.ExpectedEnergyJoules), beforeExpiry);
        Assert.Equal(new DialogueSpend(2, 1, 1, 200, 0.125, 2.5, 0, 0, 0), afterExpiry);
        Assert.Equal(0, afterExpiry.PendingCount);
    }

    [Fact]
    public async Task DeviceLedger_SkewedDeviceClock_LatestHeartbeatIsTheLastReceivedAndDecisionsCarryTheirOutcomes()
    {
        // Dated an hour ahead by the device, but received first.
        var skewed = Heartbeat("dev-1", BaseTime.AddHours(1));
        skewed.ReceivedAt = BaseTime;
        var honest = Heartbeat("dev-1", BaseTime.AddSeconds(30));
        honest.ReceivedAt = BaseTime.AddSeconds(30);
        await Store.Telemetry.RecordHeartbeatAsync(skewed, CancellationToken.None);
        await Store.Telemetry.RecordHeartbeatAsync(honest, CancellationToken.None);
        var old = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime.AddMinutes(-20)), CancellationToken.None);
        var reported = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 1, BaseTime.AddSeconds(10)), CancellationToken.None);
        var pending = Decision("dev-1", "dlg-2", 0, BaseTime.AddSeconds(40));
        pending.ExpectedEnergyJoules = 7.25;
        await Store.Decisions.RecordDecisionAsync(pending, CancellationToken.None);
        await Store.Decisions.RecordDecisionAsync(Decision("dev-2", "dlg-3", 0, BaseTime.AddSeconds(30)), CancellationToken.None);
        await Store.Outcomes.RecordOutcomeAsync(Outcome(old, energyJoules: 100), CancellationToken.None);
        var outcome = Outcome(reported, energyJoules: 2.5);
        await Store.Outcomes.RecordOutcomeAsync(outcome, CancellationToken.None);

        var record = await Store.DeviceLedger.LoadAsync("dev-1", TimeSpan.FromMinutes(10), BaseTime.AddMinutes(1), CancellationToken.None);

        Assert.Equal(honest.HeartbeatId, record.Latest?.HeartbeatId);
        Assert.Equal(
            [
                new CommittedDecision(reported.DecisionId, reported.DecidedAt, reported.ExpiresAt, reported.ExpectedEnergyJoules, 2.5, outcome.ReportedAt),
                new CommittedDecision(pending.DecisionId, pending.DecidedAt, pending.ExpiresAt, 7.25, null, null),
            ],
            record.Decisions.OrderBy(d => d.DecidedAt));
    }

    [Fact]
    public async Task DeviceLedger_UnknownDevice_NoHeartbeatAndDecisionsWithinTheLookbackFromNow()
    {
        var recent = await Store.Decisions.RecordDecisionAsync(Decision("dev-new", "dlg-1", 0, BaseTime.AddSeconds(-30)), CancellationToken.None);
        await Store.Decisions.RecordDecisionAsync(Decision("dev-new", "dlg-1", 1, BaseTime.AddMinutes(-30)), CancellationToken.None);

        var record = await Store.DeviceLedger.LoadAsync("dev-new", TimeSpan.FromMinutes(10), BaseTime, CancellationToken.None);

        Assert.Null(record.Latest);
        Assert.Equal([recent.DecisionId], record.Decisions.Select(d => d.DecisionId));
        Assert.Empty((await Store.DeviceLedger.LoadAsync("dev-never", TimeSpan.FromMinutes(10), BaseTime, CancellationToken.None)).Decisions);
    }

    [Fact]
    public async Task DialogueSpend_UnknownDialogue_None()
    {
        var spend = await Store.DialogueSpend.GetAsync("dev-1", "dlg-never", BaseTime, CancellationToken.None);

        Assert.Equal(DialogueSpend.None, spend);
    }

    [Fact]
    public async Task Stats_AfterTraffic_CountsRowsAndLocations()
    {
        await Store.Telemetry.RecordHeartbeatAsync(Heartbeat("dev-1", BaseTime), CancellationToken.None);
        await Store.Telemetry.RecordHeartbeatAsync(Heartbeat("dev-1", BaseTime.AddSeconds(5)), CancellationToken.None);
        var speculative = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime), CancellationToken.None);
        var local = Decision("dev-1", "dlg-1", 1, BaseTime);
        local.Location = "Local";
        await Store.Decisions.RecordDecisionAsync(local, CancellationToken.None);
        await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 2, BaseTime), CancellationToken.None);
        await Store.Outcomes.RecordOutcomeAsync(Outcome(speculative), CancellationToken.None);

        var stats = await Store.Stats.GetAsync(CancellationToken.None);

        Assert.Equal(1, stats.Devices);
        Assert.Equal(2, stats.Heartbeats);
        Assert.Equal(3, stats.Decisions);
        Assert.Equal(1, stats.Outcomes);
        Assert.Equal(1, stats.OutcomesJoinedToDecisions);
        Assert.Equal(new Dictionary<string, long> { ["Speculative"] = 2, ["Local"] = 1 }, stats.DecisionsByLocation);
        Assert.Equal(new Dictionary<string, long> { ["Cloud"] = 1 }, stats.OutcomesByExecutedLocation);
    }

    // ---- policies ---------------------------------------------------------------------------

    [Fact]
    public async Task UpsertPolicy_NewThenChanged_InsertsThenUpdatesKeepingStatus()
    {
        var policy = Policy("rc-ppo", "v1", BaseTime);
        var inserted = await Store.Policies.UpsertAsync(policy, CancellationToken.None);
        PropertyAssert.AllScalarsEqual(policy, (await Store.Policies.FindAsync("rc-ppo", "v1", CancellationToken.None))!);
        await Store.Policies.SetStatusAsync("rc-ppo", "v1", PolicyStatus.Shadow, BaseTime, CancellationToken.None);

        var changed = Policy("rc-ppo", "v1", BaseTime.AddDays(1));
        changed.BundlePath = "policies/rc-ppo/v1-moved";
        var updated = await Store.Policies.UpsertAsync(changed, CancellationToken.None);

        Assert.Same(policy, inserted);
        Assert.Equal("policies/rc-ppo/v1-moved", updated.BundlePath);
        Assert.Equal(PolicyStatus.Shadow, updated.Status);
        Assert.Equal(BaseTime, updated.CreatedAt);
    }

    [Fact]
    public async Task SetStatus_ActivateSecond_RetiresFirstAndReportsIt()
    {
        await Store.Policies.UpsertAsync(Policy("rc-ppo", "v1", BaseTime), CancellationToken.None);
        await Store.Policies.UpsertAsync(Policy("rc-ppo", "v2", BaseTime.AddDays(1)), CancellationToken.None);
        await Store.Policies.SetStatusAsync("rc-ppo", "v1", PolicyStatus.Active, BaseTime, CancellationToken.None);

        var change = await Store.Policies.SetStatusAsync("rc-ppo", "v2", PolicyStatus.Active, BaseTime.AddDays(2), CancellationToken.None);

        Assert.True(change.Found);
        Assert.Equal("v1", change.Replaced!.Version);
        var active = await Store.Policies.GetActiveAsync(CancellationToken.None);
        Assert.Equal("v2", active!.Version);
        Assert.Equal(BaseTime.AddDays(2), active.ActivatedAt);
        Assert.Equal(PolicyStatus.Retired, (await Store.Policies.FindAsync("rc-ppo", "v1", CancellationToken.None))!.Status);
        Assert.Equal(["v2", "v1"], (await Store.Policies.ListAsync(CancellationToken.None)).Select(p => p.Version));
    }

    [Fact]
    public async Task SetStatus_UnknownPolicy_NotFoundAndNothingChanged()
    {
        var change = await Store.Policies.SetStatusAsync("rc-ppo", "missing", PolicyStatus.Active, BaseTime, CancellationToken.None);

        Assert.False(change.Found);
        Assert.Null(await Store.Policies.GetActiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SetStatus_ConcurrentActivations_ExactlyOneActive()
    {
        var versions = Enumerable.Range(0, 6).Select(i => $"v{i}").ToList();
        foreach (var version in versions)
        {
            await Store.Policies.UpsertAsync(Policy("rc-ppo", version, BaseTime), CancellationToken.None);
        }

        await Task.WhenAll(versions.Select(v =>
            Task.Run(() => Store.Policies.SetStatusAsync("rc-ppo", v, PolicyStatus.Active, BaseTime, CancellationToken.None))));

        var statuses = (await Store.Policies.ListAsync(CancellationToken.None)).Select(p => p.Status).ToList();
        Assert.Single(statuses, s => s == PolicyStatus.Active);
        Assert.Equal(5, statuses.Count(s => s == PolicyStatus.Retired));
    }

    [Fact]
    public async Task UpsertPolicy_StatusActive_ThrowsNamingSetStatus()
    {
        var policy = Policy("rc-ppo", "v1", BaseTime);
        policy.Status = PolicyStatus.Active;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.Policies.UpsertAsync(policy, CancellationToken.None));

        Assert.Contains(nameof(PolicyStore.SetStatusAsync), error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.Policies.FindAsync("rc-ppo", "v1", CancellationToken.None));
    }

    // ---- training jobs ----------------------------------------------------------------------

    [Fact]
    public async Task TrainingJobs_EnqueueClaimComplete_RoundTripsInRequestOrder()
    {
        var later = TrainingJob(BaseTime.AddMinutes(1));
        var earlier = TrainingJob(BaseTime);
        Assert.True(await Store.TrainingJobs.EnqueueAsync(later, CancellationToken.None));
        Assert.True(await Store.TrainingJobs.EnqueueAsync(earlier, CancellationToken.None));
        var redelivered = TrainingJob(BaseTime.AddMinutes(5));
        redelivered.JobId = earlier.JobId;
        Assert.False(await Store.TrainingJobs.EnqueueAsync(redelivered, CancellationToken.None));

        var claimed = await Store.TrainingJobs.ClaimNextAsync(BaseTime.AddMinutes(2), CancellationToken.None);
        var completed = await Store.TrainingJobs.CompleteAsync(earlier.JobId, TrainingJobStatus.Succeeded, BaseTime.AddMinutes(3), """{"reward":1.5}""", null, CancellationToken.None);
        var completedAgain = await Store.TrainingJobs.CompleteAsync(earlier.JobId, TrainingJobStatus.Failed, BaseTime.AddMinutes(4), null, "late", CancellationToken.None);

        Assert.Equal(earlier.JobId, claimed!.JobId);
        Assert.Equal(TrainingJobStatus.Running, claimed.Status);
        Assert.True(completed);
        Assert.False(completedAgain);
        var stored = await Store.TrainingJobs.FindAsync(earlier.JobId, CancellationToken.None);
        Assert.Equal(TrainingJobStatus.Succeeded, stored!.Status);
        Assert.Equal(BaseTime.AddMinutes(2), stored.StartedAt);
        Assert.Equal(BaseTime.AddMinutes(3), stored.FinishedAt);
        Assert.Equal("""{"reward":1.5}""", stored.MetricsJson);
        PropertyAssert.AllScalarsEqual(later, (await Store.TrainingJobs.FindAsync(later.JobId, CancellationToken.None))!);
        Assert.Equal([later.JobId, earlier.JobId], (await Store.TrainingJobs.ListRecentAsync(10, CancellationToken.None)).Select(j => j.JobId));
    }

    [Fact]
    public async Task ClaimNext_ConcurrentWorkers_EachJobClaimedOnce()
    {
        var jobs = Enumerable.Range(0, 4).Select(i => TrainingJob(BaseTime.AddSeconds(i))).ToList();
        foreach (var job in jobs)
        {
            await Store.TrainingJobs.EnqueueAsync(job, CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Store.TrainingJobs.ClaimNextAsync(BaseTime.AddMinutes(1), CancellationToken.None))));

        // Eight workers, four jobs: every job is claimed by exactly one worker, the rest get null.
        var claimedIds = claims.Where(c => c is not null).Select(c => c!.JobId).Order().ToList();
        Assert.Equal(jobs.Select(j => j.JobId).Order(), claimedIds);
        Assert.Equal(jobs.Count, await Store.QueryAsync(c => c.TrainingJobs.CountAsync(j => j.Status == TrainingJobStatus.Running)));
    }

    // ---- bad input ----------------------------------------------------------------------------

    [Fact]
    public async Task RecordHeartbeat_DeviceIdTooLong_ThrowsNamingFieldAndNothingWritten()
    {
        var heartbeat = Heartbeat(new string('d', ColumnLengths.Identifier + 1), BaseTime);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.Telemetry.RecordHeartbeatAsync(heartbeat, CancellationToken.None));

        Assert.Equal(nameof(HeartbeatEntity.DeviceId), error.ParamName);
        Assert.Contains("129 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Store.QueryAsync(c => c.Heartbeats.CountAsync()));
    }

    [Fact]
    public async Task RecordOutcome_NaNLatency_ThrowsNamingFieldAndNothingWritten()
    {
        var decision = await Store.Decisions.RecordDecisionAsync(Decision("dev-1", "dlg-1", 0, BaseTime), CancellationToken.None);
        var outcome = Outcome(decision, totalLatencyMs: double.NaN);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.Outcomes.RecordOutcomeAsync(outcome, CancellationToken.None));

        Assert.Equal(nameof(OutcomeEntity.TotalLatencyMs), error.ParamName);
        Assert.Equal(0, await Store.QueryAsync(c => c.Outcomes.CountAsync()));
    }
}
