using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>Table <c>Heartbeats</c>: telemetry, read per device in time order.</summary>
public sealed class HeartbeatEntityConfiguration : IEntityTypeConfiguration<HeartbeatEntity>
{
    public void Configure(EntityTypeBuilder<HeartbeatEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Heartbeats");
        builder.HasKey(h => h.HeartbeatId);
        // The agent chooses the id; generating one would defeat redelivery detection.
        builder.Property(h => h.HeartbeatId).ValueGeneratedNever();
        builder.Property(h => h.DeviceId).HasMaxLength(ColumnLengths.Identifier);
        builder.Property(h => h.DeviceClass).HasMaxLength(ColumnLengths.Identifier);
        builder.Property(h => h.Network).HasMaxLength(ColumnLengths.EnumName);
        builder.HasIndex(h => new { h.DeviceId, h.SentAt });
        // The device ledger reads the heartbeat the controller received last, whatever the device's clock says.
        builder.HasIndex(h => new { h.DeviceId, h.ReceivedAt });
    }
}
