using Controller.Offloading.Devices;

namespace Controller.Offloading.EdgeCloud;

/// <summary>The device and the link it would use for one request.</summary>
/// <param name="Device">The device class profile.</param>
/// <param name="Network">The link's network profile (radio power model).</param>
/// <param name="Channel">The link's current state.</param>
public readonly record struct LinkConditions(DeviceProfile Device, NetworkProfile Network, ChannelState Channel);
