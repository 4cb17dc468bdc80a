using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>Table <c>TrainingJobs</c>: the job queue workers claim from, oldest first.</summary>
public sealed class TrainingJobEntityConfiguration : IEntityTypeConfiguration<TrainingJobEntity>
{
    public void Configure(EntityTypeBuilder<TrainingJobEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("TrainingJobs");
        builder.HasKey(j => j.JobId);
        builder.Property(j => j.JobId).ValueGeneratedNever();
        builder.Property(j => j.PolicyName).HasMaxLength(ColumnLengths.PolicyName);
        builder.Property(j => j.Algorithm).HasMaxLength(ColumnLengths.Algorithm);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.HasIndex(j => new { j.Status, j.RequestedAt });
    }
}
