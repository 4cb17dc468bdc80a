using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>Table <c>Devices</c>: one row per device, its latest state.</summary>
public sealed class DeviceEntityConfiguration : IEntityTypeConfiguration<DeviceEntity>
{
    public void Configure(EntityTypeBuilder<DeviceEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Devices");
        builder.HasKey(d => d.DeviceId);
        builder.Property(d => d.DeviceId).HasMaxLength(ColumnLengths.Identifier);
        builder.Property(d => d.DeviceClass).HasMaxLength(ColumnLengths.Identifier);
        builder.Property(d => d.Network).HasMaxLength(ColumnLengths.EnumName);
    }
}
