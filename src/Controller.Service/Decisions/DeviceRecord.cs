using Controller.Contracts;

namespace Controller.Service.Decisions;

/// <summary>What the store holds for one device's ledger.</summary>
/// <param name="Heartbeat">The heartbeat the controller received last; null when the device never sent one.</param>
/// <param name="HeartbeatReceivedAt">When it was received (controller clock); unused without a heartbeat.</param>
/// <param name="Commitments">The device's decisions within the ledger's horizon.</param>
public sealed record DeviceRecord(HeartbeatReported? Heartbeat, DateTimeOffset HeartbeatReceivedAt, IReadOnlyList<EnergyCommitment> Commitments);

/// <summary>Where <see cref="DeviceStateLookup"/> reads a device's ledger from when it is not held or is stale.</summary>
public interface IDeviceRecordSource
{
    Task<DeviceRecord> LoadAsync(string deviceId, TimeSpan horizon, DateTimeOffset now, CancellationToken cancellationToken);
}
