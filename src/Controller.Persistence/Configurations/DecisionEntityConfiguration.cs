using Controller.Persistence.Conversions;
using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>Table <c>Decisions</c>: the decision log, one row per request.</summary>
public sealed class DecisionEntityConfiguration : IEntityTypeConfiguration<DecisionEntity>
{
    public void Configure(EntityTypeBuilder<DecisionEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Decisions");
        builder.HasKey(d => d.DecisionId);
        builder.Property(d => d.DecisionId).ValueGeneratedNever();
        builder.Property(d => d.DeviceId).HasMaxLength(ColumnLengths.Identifier);
        builder.Property(d => d.DialogueId).HasMaxLength(ColumnLengths.Identifier);
        builder.Property(d => d.TaskCategory).HasMaxLength(ColumnLengths.TaskCategory);
        builder.Property(d => d.Location).HasMaxLength(ColumnLengths.EnumName);
        builder.Property(d => d.UploadModalityIds).HasJsonArrayConversion();
        builder.Property(d => d.PolicyName).HasMaxLength(ColumnLengths.PolicyName);
        builder.Property(d => d.PolicyVersion).HasMaxLength(ColumnLengths.PolicyVersion);
        builder.Property(d => d.FallbackReason).HasMaxLength(ColumnLengths.FallbackReason);

        // The unique index is what makes a retried request get the decision already made.
        builder.HasIndex(d => d.RequestId).IsUnique();
        // A dialogue's spend is read per (device, dialogue): dialogue ids are the device's, not global.
        builder.HasIndex(d => new { d.DeviceId, d.DialogueId });
        builder.HasIndex(d => new { d.DeviceId, d.DecidedAt });
        // A policy version's live decisions are read by the rollback monitor.
        builder.HasIndex(d => new { d.PolicyName, d.PolicyVersion, d.DecidedAt });

        builder.HasOne(d => d.Outcome)
            .WithOne()
            .HasForeignKey<OutcomeEntity>(o => o.DecisionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
