using System.Text;

namespace Controller.Testing;

/// <summary>A message read from a queue by <see cref="RabbitMqQueueInspector"/>, copied out of the client's buffers.</summary>
/// <param name="Body">The raw body bytes.</param>
/// <param name="Exchange">The exchange it was published to ("" for the default exchange).</param>
/// <param name="RoutingKey">Its routing key.</param>
/// <param name="Redelivered">True when the broker had delivered it before (e.g. an earlier peek).</param>
/// <param name="ContentType">The content-type property, when set (MassTransit: <c>application/vnd.masstransit+json</c>).</param>
/// <param name="MessageId">The message-id property, when set.</param>
/// <param name="Headers">The AMQP headers; strings arrive as UTF-8 byte arrays (see <see cref="HeaderText"/>).</param>
public sealed record RabbitMqMessage(
    ReadOnlyMemory<byte> Body,
    string Exchange,
    string RoutingKey,
    bool Redelivered,
    string? ContentType,
    string? MessageId,
    IReadOnlyDictionary<string, object?> Headers)
{
    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>
    /// A header as text (UTF-8 decoded when it arrived as bytes), or null when absent; e.g.
    /// MassTransit's <c>MT-Fault-ExceptionType</c> and <c>MT-Fault-Message</c> on error-queue messages.
    /// </summary>
    public string? HeaderText(string name) =>
        Headers.TryGetValue(name, out var value)
            ? value switch
            {
                null => null,
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            }
            : null;
}
