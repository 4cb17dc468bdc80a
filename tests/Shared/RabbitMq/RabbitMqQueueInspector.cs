using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Controller.Testing;

/// <summary>
/// Reads queues on the test broker directly through RabbitMQ.Client, so tests can look at what
/// the service left behind (error and skipped queues, published events) and can put raw messages
/// in front of it. Each operation uses its own channel: a failed passive declare closes its channel.
/// </summary>
/// <example>
/// <code>
/// await using var broker = await RabbitMqQueueInspector.ConnectAsync();
/// await broker.WaitForMessageCountAsync("decision-requests_error", 1, TimeSpan.FromSeconds(10));
/// var faults = await broker.PeekMessagesAsync("decision-requests_error", 10);
/// </code>
/// </example>
public sealed class RabbitMqQueueInspector : IAsyncDisposable
{
    /// <summary>Queues this class declares expire after this long unused, so unique names do not pile up.</summary>
    public static readonly TimeSpan DeclaredQueueExpiry = TimeSpan.FromMinutes(10);

    // AMQP reply code for "no such queue" (passive declare of a missing queue).
    private const ushort NotFound = 404;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    private readonly IConnection _connection;

    private RabbitMqQueueInspector(IConnection connection, RabbitMqEndpoint endpoint)
    {
        _connection = connection;
        Endpoint = endpoint;
    }

    /// <summary>The broker this inspector is connected to.</summary>
    public RabbitMqEndpoint Endpoint { get; }

    /// <summary>
    /// Connects to <paramref name="endpoint"/>, or to <see cref="RabbitMqTestSettings.Endpoint"/> after
    /// the one-time reachability check when none is given.
    /// </summary>
    /// <exception cref="InvalidOperationException">The broker is not reachable (the message says how to start it).</exception>
    public static async Task<RabbitMqQueueInspector> ConnectAsync(
        RabbitMqEndpoint? endpoint = null, CancellationToken cancellationToken = default)
    {
        if (endpoint is null)
        {
            await RabbitMqTestServer.EnsureReachableAsync();
            endpoint = RabbitMqTestSettings.Endpoint;
        }

        var connection = await RabbitMqTestServer.CreateConnectionFactory(endpoint).CreateConnectionAsync(cancellationToken);
        return new RabbitMqQueueInspector(connection, endpoint);
    }

    /// <summary>Declares a durable queue that expires after <see cref="DeclaredQueueExpiry"/> unused.</summary>
    public async Task DeclareQueueAsync(string queue, CancellationToken cancellationToken = default)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var arguments = new Dictionary<string, object?> { ["x-expires"] = (int)DeclaredQueueExpiry.TotalMilliseconds };
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments,
            cancellationToken: cancellationToken);
    }

    /// <summary>Publishes raw bytes straight to a queue through the default exchange.</summary>
    /// <param name="headers">Optional AMQP headers.</param>
    /// <param name="contentType">Optional content-type property.</param>
    public async Task PublishAsync(
        string queue,
        ReadOnlyMemory<byte> body,
        IDictionary<string, object?>? headers = null,
        string? contentType = null,
        CancellationToken cancellationToken = default)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = contentType,
            Headers = headers is null ? null : new Dictionary<string, object?>(headers),
        };
        await channel.BasicPublishAsync(string.Empty, queue, mandatory: false, properties, body, cancellationToken);
    }

    /// <summary>True when the queue exists on the endpoint's virtual host.</summary>
    public async Task<bool> QueueExistsAsync(string queue, CancellationToken cancellationToken = default) =>
        await TryGetMessageCountAsync(queue, cancellationToken) is not null;

    /// <summary>The number of messages ready in the queue (not counting ones delivered and unacknowledged).</summary>
    /// <exception cref="InvalidOperationException">The queue does not exist; the message names it and the virtual host.</exception>
    public async Task<long> GetMessageCountAsync(string queue, CancellationToken cancellationToken = default) =>
        await TryGetMessageCountAsync(queue, cancellationToken) ?? throw QueueMissing(queue);

    /// <summary>
    /// Waits until the queue holds at least <paramref name="minimumCount"/> ready messages. A queue
    /// that does not exist yet counts as empty (MassTransit creates error queues on the first fault).
    /// </summary>
    /// <returns>The count seen when the wait ended.</returns>
    /// <exception cref="TimeoutException">The count stayed below the minimum; the message names the
    /// queue, the minimum and the last count seen.</exception>
    public async Task<long> WaitForMessageCountAsync(
        string queue, long minimumCount, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var count = await TryGetMessageCountAsync(queue, cancellationToken) ?? 0;
            if (count >= minimumCount)
            {
                return count;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(
                    $"Queue '{queue}' on {Endpoint} held {count} ready message(s) after {timeout.TotalSeconds:0.#} s; " +
                    $"expected at least {minimumCount}.");
            }

            await Task.Delay(s_pollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Reads up to <paramref name="maxCount"/> messages from the head of the queue and leaves them
    /// there: they are never acknowledged, and closing the channel returns them to the queue
    /// (marked redelivered).
    /// </summary>
    /// <exception cref="InvalidOperationException">The queue does not exist; the message names it and the virtual host.</exception>
    public async Task<IReadOnlyList<RabbitMqMessage>> PeekMessagesAsync(
        string queue, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var messages = new List<RabbitMqMessage>();
        var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            while (messages.Count < maxCount)
            {
                var result = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
                if (result is null)
                {
                    break;
                }

                messages.Add(Copy(result));
            }
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
        {
            throw QueueMissing(queue, ex);
        }
        finally
        {
            await channel.DisposeAsync();
        }

        return messages;
    }

    /// <summary>Closes the connection.</summary>
    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private async Task<long?> TryGetMessageCountAsync(string queue, CancellationToken cancellationToken)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return declared.MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
        {
            return null;
        }
    }

    private static RabbitMqMessage Copy(BasicGetResult result)
    {
        var properties = result.BasicProperties;
        var headers = properties.Headers is null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?>(properties.Headers);
        return new RabbitMqMessage(
            result.Body.ToArray(),
            result.Exchange,
            result.RoutingKey,
            result.Redelivered,
            properties.ContentType,
            properties.MessageId,
            headers);
    }

    private InvalidOperationException QueueMissing(string queue, Exception? inner = null) =>
        new($"Queue '{queue}' does not exist on {Endpoint}.", inner);
}
