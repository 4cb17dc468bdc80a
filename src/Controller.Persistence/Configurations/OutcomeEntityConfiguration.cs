using Controller.Persistence.Conversions;
using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Configurations;

/// <summary>
/// Table <c>Outcomes</c>: keyed by the decision id, which is also the foreign key to
/// <c>Decisions</c> (configured on <see cref="DecisionEntityConfiguration"/>).
/// </summary>
public sealed class OutcomeEntityConfiguration : IEntityTypeConfiguration<OutcomeEntity>
{
    public void Configure(EntityTypeBuilder<OutcomeEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Outcomes");
        builder.HasKey(o => o.DecisionId);
        builder.Property(o => o.DecisionId).ValueGeneratedNever();
        builder.Property(o => o.DeviceId).HasMaxLength(ColumnLengths.Identifier);
        builder.Property(o => o.ExecutedLocation).HasMaxLength(ColumnLengths.EnumName);
        builder.Property(o => o.ExecutedModalityIds).HasJsonArrayConversion();
    }
}
