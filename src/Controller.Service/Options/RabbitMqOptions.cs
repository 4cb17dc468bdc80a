using System.ComponentModel.DataAnnotations;

namespace Controller.Service.Options;

/// <summary>Broker connection. Section <c>Bus:RabbitMq</c>.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>Default <c>localhost</c>.</summary>
    [Required]
    public string Host { get; set; } = "localhost";

    /// <summary>Default 5672.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    /// <summary>Default <c>/</c>.</summary>
    [Required]
    public string VirtualHost { get; set; } = "/";

    /// <summary>Default <c>guest</c> (RabbitMQ only lets guest in from loopback).</summary>
    [Required]
    public string Username { get; set; } = "guest";

    /// <summary>Default <c>guest</c>.</summary>
    [Required]
    public string Password { get; set; } = "guest";
}
