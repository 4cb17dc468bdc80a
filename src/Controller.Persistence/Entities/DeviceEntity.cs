namespace Controller.Persistence.Entities;

/// <summary>
/// One edge device and its latest reported state: the state of the heartbeat with the newest
/// <see cref="LastSeenAt"/>, whatever order heartbeats arrive in.
/// </summary>
public sealed class DeviceEntity
{
    /// <summary>Primary key, at most <see cref="ColumnLengths.Identifier"/> characters.</summary>
    public required string DeviceId { get; set; }

    public required string DeviceClass { get; set; }

    /// <summary>Earliest heartbeat <c>SentAt</c> stored for this device (device clock).</summary>
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>Newest heartbeat <c>SentAt</c> stored for this device; the state below is from that heartbeat.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Battery charge in percent, 0–100.</summary>
    public double BatteryPercent { get; set; }

    /// <summary>Energy the device may still spend on inference in the current window, joules.</summary>
    public double EnergyBudgetRemainingJoules { get; set; }

    public double FreeMemoryMb { get; set; }

    /// <summary>Name of a <see cref="Controller.Contracts.NetworkType"/> value.</summary>
    public required string Network { get; set; }

    public double UplinkMbps { get; set; }

    public double DownlinkMbps { get; set; }

    public double RttMs { get; set; }

    /// <summary>Per-token draft acceptance estimate in [0, 1]; null before any speculative run.</summary>
    public double? DraftAcceptanceEstimate { get; set; }

    /// <summary>The heartbeat the latest state came from.</summary>
    public Guid LastHeartbeatId { get; set; }
}
