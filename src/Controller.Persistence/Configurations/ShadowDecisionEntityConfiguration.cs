using Controller.Persistence.Conversions;
using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>Table <c>ShadowDecisions</c>: keyed by (live decision, shadow policy version), deleted with the decision.</summary>
public sealed class ShadowDecisionEntityConfiguration : IEntityTypeConfiguration<ShadowDecisionEntity>
{
    public void Configure(EntityTypeBuilder<ShadowDecisionEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ShadowDecisions");
        builder.HasKey(s => new { s.DecisionId, s.PolicyName, s.PolicyVersion });
        builder.Property(s => s.DecisionId).ValueGeneratedNever();
        builder.Property(s => s.PolicyName).HasMaxLength(ColumnLengths.PolicyName);
        builder.Property(s => s.PolicyVersion).HasMaxLength(ColumnLengths.PolicyVersion);
        builder.Property(s => s.Location).HasMaxLength(ColumnLengths.EnumName);
        builder.Property(s => s.UploadModalityIds).HasJsonArrayConversion();

        // Evidence for a version is read by policy and time.
        builder.HasIndex(s => new { s.PolicyName, s.PolicyVersion, s.DecidedAt });
        builder.HasOne<DecisionEntity>()
            .WithMany()
            .HasForeignKey(s => s.DecisionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
