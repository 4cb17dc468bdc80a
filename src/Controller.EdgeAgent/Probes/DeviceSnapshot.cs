namespace Controller.EdgeAgent.Probes;

/// <summary>
/// What a device probe could read at one moment. Every field is null when it is unknown on this device (no such
/// file, a file the probe may not read, or content it could not parse): an agent reports what it knows and says
/// nothing about the rest rather than inventing a value.
/// </summary>
/// <param name="CpuLoad">CPU busy fraction in [0, 1] since the previous read (all cores together).</param>
/// <param name="FreeMemoryMb">Memory available to a new process without swapping, MiB.</param>
/// <param name="TotalMemoryMb">Physical memory, MiB.</param>
/// <param name="TemperatureCelsius">The hottest thermal zone, °C.</param>
/// <param name="BatteryPercent">Mean charge of the batteries, 0–100; null without a battery.</param>
/// <param name="OnExternalPower">True when a mains/USB supply is online or a battery reports charging or full.</param>
/// <param name="EnergyJoules">Energy the RAPL domains counted since the previous read, J; null without RAPL.</param>
/// <param name="PowerWatts">Mean power over that interval, W; null without RAPL or without a previous read.</param>
public sealed record DeviceSnapshot(
    double? CpuLoad,
    double? FreeMemoryMb,
    double? TotalMemoryMb,
    double? TemperatureCelsius,
    double? BatteryPercent,
    bool? OnExternalPower,
    double? EnergyJoules,
    double? PowerWatts)
{
    /// <summary>Nothing known.</summary>
    public static DeviceSnapshot Unknown { get; } = new(null, null, null, null, null, null, null, null);
}
