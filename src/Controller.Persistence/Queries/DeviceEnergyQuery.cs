using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence.Queries;

/// <summary>
/// Device energy the controller has already committed since a point in time: for every decision of the device made after
/// it, the energy its outcome reported, or the decision's expected energy while the outcome is pending. The decision path
/// subtracts it from the remaining energy of the device's last heartbeat, which cannot yet know about those requests.
/// </summary>
public sealed class DeviceEnergyQuery(IDbContextFactory<ControllerDbContext> contextFactory)
{
    /// <summary>Joules committed by <paramref name="deviceId"/>'s decisions made after <paramref name="since"/>; 0 when there are none.</summary>
    public async Task<double> SinceAsync(string deviceId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // Computed in the database over the (DeviceId, DecidedAt) index.
        return await context.Decisions.AsNoTracking()
            .Where(d => d.DeviceId == deviceId && d.DecidedAt > since)
            .SumAsync(d => d.Outcome != null ? d.Outcome.DeviceEnergyJoules : d.ExpectedEnergyJoules, cancellationToken)
            .ConfigureAwait(false);
    }
}
