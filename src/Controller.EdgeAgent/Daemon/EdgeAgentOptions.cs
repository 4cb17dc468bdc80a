using Controller.Contracts;
using Controller.EdgeAgent.Outbox;
using Controller.Offloading.Devices;

namespace Controller.EdgeAgent.Daemon;

/// <summary>How the controller is reached.</summary>
public enum AgentTransport
{
    Http,
    RabbitMq,
}

/// <summary>The <c>controller edge-agent</c> daemon's settings (section <c>EdgeAgent</c>; environment <c>EdgeAgent__Key</c>).</summary>
public sealed class EdgeAgentOptions
{
    /// <summary>This device's id, unique in the fleet. No default: it must be set.</summary>
    public string DeviceId { get; set; } = "";

    /// <summary>Device profile name (<see cref="DeviceProfiles.Names"/>). Default <c>raspberry-pi-5</c>.</summary>
    public string DeviceClass { get; set; } = "raspberry-pi-5";

    /// <summary>The link the device is on, reported in heartbeats. Default WiFi.</summary>
    public NetworkType Network { get; set; } = NetworkType.WiFi;

    /// <summary><c>Http</c> or <c>RabbitMq</c>. Default Http.</summary>
    public AgentTransport Transport { get; set; } = AgentTransport.Http;

    /// <summary>Controller HTTP address (Transport Http). Default <c>http://127.0.0.1:5000</c>.</summary>
    public string ControllerUrl { get; set; } = "http://127.0.0.1:5000";

    /// <summary>Broker address (Transport RabbitMq). Default <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>Seconds between heartbeats. Default 10.</summary>
    public double HeartbeatSeconds { get; set; } = 10;

    /// <summary>Energy the device may spend per window, J. Default 1,500 (the fleet simulator's).</summary>
    public double EnergyBudgetJoules { get; set; } = 1_500;

    /// <summary>Length of the energy window, seconds. Default 600.</summary>
    public double EnergyWindowSeconds { get; set; } = 600;

    /// <summary>Directory under which <c>proc/</c> and <c>sys/</c> are read. Default <c>/</c>.</summary>
    public string ProbeRoot { get; set; } = "/";

    /// <summary>Longest <see cref="FlushTimeoutSeconds"/> allowed (the process must stop within a minute of SIGTERM).</summary>
    public const double MaxFlushTimeoutSeconds = 60;

    /// <summary>On shutdown, how long queued telemetry may take to reach the controller, seconds (at most 60); the rest stays in the outbox file. Default 10.</summary>
    public double FlushTimeoutSeconds { get; set; } = 10;

    /// <summary>Outbox file path. Default <c>edge-agent-outbox.db</c>.</summary>
    public string OutboxPath { get; set; } = new OutboxOptions().Path;

    /// <summary>Outbox capacity, messages. Default 100,000.</summary>
    public int OutboxCapacity { get; set; } = new OutboxOptions().Capacity;

    /// <summary>Throws an <see cref="ArgumentException"/> whose message names the first invalid key.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DeviceId))
        {
            throw new ArgumentException("EdgeAgent:DeviceId must be set (e.g. EdgeAgent__DeviceId=kitchen-pi)", nameof(DeviceId));
        }

        if (!DeviceProfiles.TryGet(DeviceClass, out _))
        {
            throw new ArgumentException($"EdgeAgent:DeviceClass '{DeviceClass}' is not a known device class ({string.Join(", ", DeviceProfiles.Names)})", nameof(DeviceClass));
        }

        if (!Enum.IsDefined(Network))
        {
            throw new ArgumentException($"EdgeAgent:Network '{Network}' is not a network type", nameof(Network));
        }

        var address = Transport == AgentTransport.Http ? ControllerUrl : RabbitMqUri;
        var schemes = Transport == AgentTransport.Http ? new[] { "http", "https" } : ["amqp"];
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
        {
            var key = Transport == AgentTransport.Http ? nameof(ControllerUrl) : nameof(RabbitMqUri);
            throw new ArgumentException($"EdgeAgent:{key} '{address}' must be an absolute {string.Join(" or ", schemes)} address", key);
        }

        foreach (var (key, value) in new[] { (nameof(HeartbeatSeconds), HeartbeatSeconds), (nameof(EnergyWindowSeconds), EnergyWindowSeconds), (nameof(FlushTimeoutSeconds), FlushTimeoutSeconds) })
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new ArgumentOutOfRangeException(key, value, $"EdgeAgent:{key} must be a positive number of seconds");
            }
        }

        if (FlushTimeoutSeconds > MaxFlushTimeoutSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(FlushTimeoutSeconds), FlushTimeoutSeconds, $"EdgeAgent:FlushTimeoutSeconds must be at most {MaxFlushTimeoutSeconds}");
        }

        if (!double.IsFinite(EnergyBudgetJoules) || EnergyBudgetJoules < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(EnergyBudgetJoules), EnergyBudgetJoules, "EdgeAgent:EnergyBudgetJoules must not be negative");
        }

        new OutboxOptions { Path = OutboxPath, Capacity = OutboxCapacity }.Validate();
    }
}
