namespace Controller.Contracts;

/// <summary>
/// Device and network state an edge agent reports periodically. The controller keeps the latest per
/// device for decisions and stores every heartbeat as telemetry.
/// </summary>
public sealed record HeartbeatReported
{
    public required int SchemaVersion { get; init; }

    /// <summary>Unique per heartbeat; a redelivered heartbeat with the same id is stored once.</summary>
    public required Guid HeartbeatId { get; init; }

    public required string DeviceId { get; init; }

    /// <summary>Device profile name, e.g. <c>jetson-tx2</c>, <c>iphone-15-pro</c>.</summary>
    public required string DeviceClass { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    /// <summary>Battery charge in percent, 0–100.</summary>
    public required double BatteryPercent { get; init; }

    /// <summary>Device energy the agent may still spend on inference in the current window, joules.</summary>
    public required double EnergyBudgetRemainingJoules { get; init; }

    public required double FreeMemoryMb { get; init; }

    /// <summary>CPU utilisation as a fraction in [0, 1].</summary>
    public required double CpuLoad { get; init; }

    /// <summary>GPU/NPU utilisation as a fraction in [0, 1].</summary>
    public required double GpuLoad { get; init; }

    public required double TemperatureCelsius { get; init; }

    public required NetworkType Network { get; init; }

    /// <summary>Estimated uplink throughput, megabits per second.</summary>
    public required double UplinkMbps { get; init; }

    /// <summary>Estimated downlink throughput, megabits per second.</summary>
    public required double DownlinkMbps { get; init; }

    /// <summary>Round-trip time to the cloud endpoint, milliseconds.</summary>
    public required double RttMs { get; init; }

    /// <summary>Running estimate of per-token draft acceptance α in [0, 1]; null before any speculative run.</summary>
    public double? DraftAcceptanceEstimate { get; init; }
}
