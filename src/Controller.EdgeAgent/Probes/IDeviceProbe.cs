namespace Controller.EdgeAgent.Probes;

/// <summary>Reads the device's state. Linux (<see cref="LinuxDeviceProbe"/>) and simulated devices implement it.</summary>
public interface IDeviceProbe
{
    /// <summary>Reads the state now. Never throws for a missing or malformed source: that field is null instead.</summary>
    DeviceSnapshot Read();
}
