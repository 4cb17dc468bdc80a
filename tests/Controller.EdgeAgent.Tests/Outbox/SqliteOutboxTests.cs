using System.Text.Json;
using Controller.Contracts;
using Controller.EdgeAgent.Outbox;
using Controller.Testing;

namespace Controller.EdgeAgent.Tests.Outbox;

public sealed class SqliteOutboxTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "outbox-tests", Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_directory, "outbox.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Uniquely named under the temp directory.
        }
    }

    private static string Json(HeartbeatReported heartbeat) => JsonSerializer.Serialize(heartbeat, ContractJson.Options);

    [Fact]
    public async Task Enqueue_PastCapacity_OldestDroppedFirstAndCounted()
    {
        await using var outbox = await SqliteOutbox.OpenAsync(FilePath, capacity: 3);
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await outbox.EnqueueAsync(OutboxKind.Heartbeat, id, Json(TestMessages.Heartbeat() with { HeartbeatId = id }), DateTimeOffset.UtcNow);
        }

        var kept = await outbox.PeekAsync(10);

        Assert.Equal(ids[2..], kept.Select(e => e.MessageId));
        Assert.Equal(new OutboxCounters(Pending: 3, Dropped: 2, Quarantined: 0), await outbox.CountersAsync());
    }

    [Fact]
    public async Task Reopen_AfterDispose_MessagesOrderAndDropCountSurvive()
    {
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        await using (var outbox = await SqliteOutbox.OpenAsync(FilePath, capacity: 3))
        {
            foreach (var id in ids)
            {
                await outbox.EnqueueAsync(OutboxKind.Outcome, id, "{}", DateTimeOffset.UtcNow);
            }
        }

        await using var reopened = await SqliteOutbox.OpenAsync(FilePath, capacity: 3);

        Assert.Equal(ids[1..], (await reopened.PeekAsync(10)).Select(e => e.MessageId));
        Assert.Equal(1, (await reopened.CountersAsync()).Dropped);
    }

    [Fact]
    public async Task Open_FileIsNotSqlite_ThrowsNamingTheFile()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(FilePath, "this is a text file, not an outbox, and it is long enough to have a header page");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteOutbox.OpenAsync(FilePath, 10));

        Assert.Contains(FilePath, error.Message, StringComparison.Ordinal);
        Assert.Equal("this is a text file, not an outbox, and it is long enough to have a header page", await File.ReadAllTextAsync(FilePath));
    }

    [Fact]
    public async Task Open_CapacityBelowOne_ThrowsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SqliteOutbox.OpenAsync(FilePath, 0));

        Assert.Equal("capacity", error.ParamName);
    }

    [Fact]
    public async Task Quarantine_RefusedMessage_LeavesQueueKeepsReason()
    {
        await using var outbox = await SqliteOutbox.OpenAsync(FilePath, 10);
        var id = Guid.NewGuid();
        await outbox.EnqueueAsync(OutboxKind.Outcome, id, "{}", DateTimeOffset.UtcNow);
        var entry = Assert.Single(await outbox.PeekAsync(10));

        await outbox.QuarantineAsync(entry.Sequence, "deviceId is missing", DateTimeOffset.UtcNow);

        Assert.Empty(await outbox.PeekAsync(10));
        Assert.Equal((id, "deviceId is missing"), Assert.Single(await outbox.QuarantinedAsync()));
        Assert.Equal(new OutboxCounters(0, 0, 1), await outbox.CountersAsync());
    }
}
