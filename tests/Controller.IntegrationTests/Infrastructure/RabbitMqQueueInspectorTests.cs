using System.Text;
using Controller.Testing;

namespace Controller.IntegrationTests.Infrastructure;

/// <summary>Proves the RabbitMQ test helpers against the real broker (scripts/test-servers.sh start).</summary>
public sealed class RabbitMqQueueInspectorTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RabbitMq_Broker_AcceptsConnection()
    {
        await RabbitMqTestServer.EnsureReachableAsync();

        await using var broker = await RabbitMqQueueInspector.ConnectAsync();

        Assert.Equal(RabbitMqTestSettings.Endpoint, broker.Endpoint);
    }

    [Fact]
    public async Task PeekMessages_ThreePublished_ReadsInOrderAndLeavesThem()
    {
        await using var broker = await RabbitMqQueueInspector.ConnectAsync();
        var queue = RabbitMqTestNames.Unique("peek");
        await broker.DeclareQueueAsync(queue);
        foreach (var text in new[] { "one", "two", "three" })
        {
            await broker.PublishAsync(queue, Encoding.UTF8.GetBytes(text), contentType: "text/plain");
        }

        await broker.WaitForMessageCountAsync(queue, 3, s_wait);
        var messages = await broker.PeekMessagesAsync(queue, maxCount: 10);

        Assert.Equal(["one", "two", "three"], messages.Select(m => m.BodyText));
        Assert.All(messages, m => Assert.Equal("text/plain", m.ContentType));
        Assert.Equal(3, await broker.WaitForMessageCountAsync(queue, 3, s_wait));
    }

    [Fact]
    public async Task PeekMessages_StringHeader_DecodesAsText()
    {
        await using var broker = await RabbitMqQueueInspector.ConnectAsync();
        var queue = RabbitMqTestNames.Unique("headers");
        await broker.DeclareQueueAsync(queue);
        var headers = new Dictionary<string, object?> { ["MT-Fault-ExceptionType"] = "System.FormatException" };
        await broker.PublishAsync(queue, "{}"u8.ToArray(), headers);

        await broker.WaitForMessageCountAsync(queue, 1, s_wait);
        var message = Assert.Single(await broker.PeekMessagesAsync(queue, maxCount: 1));

        Assert.Equal("System.FormatException", message.HeaderText("MT-Fault-ExceptionType"));
        Assert.Null(message.HeaderText("absent"));
    }

    [Fact]
    public async Task GetMessageCount_MissingQueue_ThrowsNamingQueue()
    {
        await using var broker = await RabbitMqQueueInspector.ConnectAsync();
        var queue = RabbitMqTestNames.Unique("missing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broker.GetMessageCountAsync(queue));

        Assert.Contains(queue, error.Message, StringComparison.Ordinal);
        Assert.False(await broker.QueueExistsAsync(queue));
    }

    [Fact]
    public async Task WaitForMessageCount_NothingArrives_TimesOutNamingQueue()
    {
        await using var broker = await RabbitMqQueueInspector.ConnectAsync();
        var queue = RabbitMqTestNames.Unique("silent");

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => broker.WaitForMessageCountAsync(queue, 1, TimeSpan.FromMilliseconds(300)));

        Assert.Contains(queue, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReachable_ClosedPort_FailsWithSetupCommand()
    {
        // Port 1 (tcpmux) is never an AMQP broker; the connection is refused at once.
        var unreachable = new RabbitMqEndpoint("127.0.0.1", 1, "/", "guest", "hunter2", UseTls: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => RabbitMqTestServer.CheckReachableAsync(unreachable));

        Assert.Contains(RabbitMqTestSettings.SetupCommand, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
