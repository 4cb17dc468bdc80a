using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>Table <c>PolicyBundles</c>: the weights of a registered version, deleted with its policy row.</summary>
public sealed class PolicyBundleEntityConfiguration : IEntityTypeConfiguration<PolicyBundleEntity>
{
    public void Configure(EntityTypeBuilder<PolicyBundleEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PolicyBundles");
        builder.HasKey(b => new { b.Name, b.Version });
        builder.Property(b => b.Name).HasMaxLength(ColumnLengths.PolicyName);
        builder.Property(b => b.Version).HasMaxLength(ColumnLengths.PolicyVersion);
        builder.Property(b => b.PackageSha256).HasMaxLength(ColumnLengths.Sha256Hex);
        builder.HasOne<PolicyEntity>()
            .WithOne()
            .HasForeignKey<PolicyBundleEntity>(b => new { b.Name, b.Version })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
