namespace Controller.Persistence.Entities;

/// <summary>
/// One stored heartbeat (telemetry row). Mirrors <see cref="Controller.Contracts.HeartbeatReported"/>
/// plus the time the controller received it.
/// </summary>
public sealed class HeartbeatEntity
{
    /// <summary>Primary key: the agent's heartbeat id, so a redelivery is stored once.</summary>
    public Guid HeartbeatId { get; set; }

    public required string DeviceId { get; set; }

    public required string DeviceClass { get; set; }

    /// <summary>When the agent sent it (device clock).</summary>
    public DateTimeOffset SentAt { get; set; }

    /// <summary>When the controller received it (controller clock).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Battery charge in percent, 0–100.</summary>
    public double BatteryPercent { get; set; }

    /// <summary>Energy the device may still spend on inference in the current window, joules.</summary>
    public double EnergyBudgetRemainingJoules { get; set; }

    public double FreeMemoryMb { get; set; }

    /// <summary>CPU utilisation as a fraction in [0, 1].</summary>
    public double CpuLoad { get; set; }

    /// <summary>GPU/NPU utilisation as a fraction in [0, 1].</summary>
    public double GpuLoad { get; set; }

    public double TemperatureCelsius { get; set; }

    /// <summary>Name of a <see cref="Controller.Contracts.NetworkType"/> value.</summary>
    public required string Network { get; set; }

    public double UplinkMbps { get; set; }

    public double DownlinkMbps { get; set; }

    public double RttMs { get; set; }

    /// <summary>Per-token draft acceptance estimate in [0, 1]; null before any speculative run.</summary>
    public double? DraftAcceptanceEstimate { get; set; }
}
