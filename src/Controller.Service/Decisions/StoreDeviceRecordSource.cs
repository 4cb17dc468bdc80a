using Controller.Persistence.Queries;
using Controller.Service.Ingestion;

namespace Controller.Service.Decisions;

/// <summary>Reads a device's ledger from the store every replica writes to.</summary>
public sealed class StoreDeviceRecordSource(DeviceLedgerQuery query) : IDeviceRecordSource
{
    public async Task<DeviceRecord> LoadAsync(string deviceId, TimeSpan horizon, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = await query.LoadAsync(deviceId, horizon, now, cancellationToken).ConfigureAwait(false);
        var commitments = record.Decisions
            .Select(d => new EnergyCommitment(d.DecisionId, d.DecidedAt, d.ExpiresAt, d.ExpectedEnergyJoules, d.ReportedEnergyJoules, d.ReportedAt))
            .ToList();
        return record.Latest is { } latest
            ? new DeviceRecord(HeartbeatMapping.ToContract(latest), latest.ReceivedAt, commitments)
            : new DeviceRecord(null, default, commitments);
    }
}
