using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>Table <c>Policies</c>: one row per (name, version).</summary>
public sealed class PolicyEntityConfiguration : IEntityTypeConfiguration<PolicyEntity>
{
    /// <summary>
    /// Filter of the unique index that allows at most one active policy. The same SQL is valid on
    /// SQLite and PostgreSQL because EF quotes identifiers with double quotes on both.
    /// </summary>
    public const string SingleActiveFilter = "\"Status\" = 'Active'";

    /// <summary>Filter of the unique index that allows at most one canary.</summary>
    public const string SingleCanaryFilter = "\"Status\" = 'Canary'";

    public void Configure(EntityTypeBuilder<PolicyEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Policies");
        builder.HasKey(p => new { p.Name, p.Version });
        builder.Property(p => p.Name).HasMaxLength(ColumnLengths.PolicyName);
        builder.Property(p => p.Version).HasMaxLength(ColumnLengths.PolicyVersion);
        builder.Property(p => p.Algorithm).HasMaxLength(ColumnLengths.Algorithm);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(p => p.BundlePath).HasMaxLength(ColumnLengths.Path);
        // Named indexes: two unnamed indexes on the same column would be one index to EF.
        builder.HasIndex(p => p.Status, "IX_Policies_SingleActive")
            .IsUnique()
            .HasFilter(SingleActiveFilter);
        builder.HasIndex(p => p.Status, "IX_Policies_SingleCanary")
            .IsUnique()
            .HasFilter(SingleCanaryFilter);
    }
}
