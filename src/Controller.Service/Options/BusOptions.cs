using System.ComponentModel.DataAnnotations;

namespace Controller.Service.Options;

/// <summary>Which message transport carries heartbeats, placement requests and outcomes. Section <c>Bus</c>.</summary>
public sealed class BusOptions
{
    public const string SectionName = "Bus";

    /// <summary>Default <see cref="BusTransport.InMemory"/>: one process, no broker to install.</summary>
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>Used when <see cref="Transport"/> is <see cref="BusTransport.RabbitMq"/>.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>Messages each receive endpoint processes concurrently. Default 16.</summary>
    [Range(1, 1024)]
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>
    /// Prefix of every queue name, so several controllers (or test runs) can share a broker without
    /// consuming each other's messages. Default <c>controller</c>.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9.-]{0,63}$", ErrorMessage = "Bus:EndpointPrefix must be lower-case letters, digits, '.' or '-' (at most 64).")]
    public string EndpointPrefix { get; set; } = "controller";

    /// <summary>
    /// Delete the receive queues when the controller stops (for tests and demos on a shared broker).
    /// Error queues are kept. Default false.
    /// </summary>
    public bool AutoDeleteQueues { get; set; }

    /// <summary>Messages RabbitMQ delivers ahead of acknowledgement per endpoint. Default 32.</summary>
    [Range(1, 65535)]
    public int PrefetchCount { get; set; } = 32;
}

public enum BusTransport
{
    InMemory,
    RabbitMq,
}
