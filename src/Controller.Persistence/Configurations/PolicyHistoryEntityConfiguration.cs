using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>Table <c>PolicyHistory</c>: every lifecycle change, read per version in order.</summary>
public sealed class PolicyHistoryEntityConfiguration : IEntityTypeConfiguration<PolicyHistoryEntity>
{
    public void Configure(EntityTypeBuilder<PolicyHistoryEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PolicyHistory");
        builder.HasKey(h => h.ChangeId);
        builder.Property(h => h.ChangeId).ValueGeneratedNever();
        builder.Property(h => h.Name).HasMaxLength(ColumnLengths.PolicyName);
        builder.Property(h => h.Version).HasMaxLength(ColumnLengths.PolicyVersion);
        builder.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(h => h.ChangedBy).HasMaxLength(ColumnLengths.Actor);
        builder.Property(h => h.Reason).HasMaxLength(ColumnLengths.Reason);
        builder.Property(h => h.RelatedName).HasMaxLength(ColumnLengths.PolicyName);
        builder.Property(h => h.RelatedVersion).HasMaxLength(ColumnLengths.PolicyVersion);
        builder.HasIndex(h => new { h.Name, h.Version, h.ChangedAt });
        builder.HasOne<PolicyEntity>()
            .WithMany()
            .HasForeignKey(h => new { h.Name, h.Version })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
