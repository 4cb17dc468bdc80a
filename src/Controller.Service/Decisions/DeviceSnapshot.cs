using Controller.Contracts;

namespace Controller.Service.Decisions;

/// <summary>The device state one decision assumes.</summary>
/// <param name="Heartbeat">The heartbeat the controller received last; null for a device that never sent one.</param>
/// <param name="CommittedJoules">Energy of the decisions that heartbeat cannot know about yet, J.</param>
/// <param name="EnergyRemainingJoules">The heartbeat's remaining energy (or the configured default for an unknown device) less <paramref name="CommittedJoules"/>, never below 0.</param>
public sealed record DeviceSnapshot(HeartbeatReported? Heartbeat, double CommittedJoules, double EnergyRemainingJoules);
