using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>Table <c>DialogueLedgers</c>: one row per (device, dialogue), its version the concurrency token.</summary>
public sealed class DialogueLedgerEntityConfiguration : IEntityTypeConfiguration<DialogueLedgerEntity>
{
    public void Configure(EntityTypeBuilder<DialogueLedgerEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("DialogueLedgers");
        builder.HasKey(l => new { l.DeviceId, l.DialogueId });
        builder.Property(l => l.DeviceId).HasMaxLength(ColumnLengths.Identifier);
        builder.Property(l => l.DialogueId).HasMaxLength(ColumnLengths.Identifier);
        // Every UPDATE carries "WHERE Version = <the version it was computed from>": the database re-checks it under
        // the row lock, so of two replicas writing from the same version exactly one succeeds.
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
