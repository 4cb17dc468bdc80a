using Controller.Persistence.Conversions;
using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Controller.Persistence;

/// <summary>
/// The controller's database: devices, heartbeats, decisions, outcomes, policies and training jobs,
/// on SQLite (embedded default) or PostgreSQL (production).
/// </summary>
/// <remarks>
/// <para>
/// Each entity has one <see cref="IEntityTypeConfiguration{TEntity}"/> in <c>Configurations/</c>,
/// applied from this assembly. Time columns are the one provider difference in the model: SQLite
/// stores them as UTC microseconds (<see cref="UnixMicrosecondsConverter"/>) so they can be
/// compared and ordered in SQL; PostgreSQL stores <c>timestamptz</c> normalised to UTC
/// (<see cref="UtcTimestampConverter"/>).
/// </para>
/// <para>
/// Migrations are written by hand, because EF's design-time package does not restore in this
/// build environment. There is one migration set for both providers, in <c>Migrations/</c>:
/// each migration declares columns by CLR type and lets the active provider choose the column type
/// (<c>TEXT</c>/<c>varchar</c>, <c>REAL</c>/<c>double precision</c>, …); only time columns branch on
/// the provider, through <see cref="Migrations.ProviderColumns"/>. There is no model snapshot
/// (it would differ per provider), so <c>PendingModelChangesWarning</c> is suppressed in
/// <see cref="ControllerDbContextOptions"/>; the persistence tests instead compare the migrated
/// schema with this model on both providers. To add a migration: copy the newest file in
/// <c>Migrations/</c>, give it a later <c>[Migration("yyyyMMddHHmmss_Name")]</c> id, write
/// <c>Up</c> and <c>Down</c> with <see cref="Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder"/>
/// using the table, column and index names the model produces, and run the schema tests.
/// docs/persistence.md walks through it.
/// </para>
/// </remarks>
public sealed class ControllerDbContext(DbContextOptions<ControllerDbContext> options) : DbContext(options)
{
    public DbSet<DeviceEntity> Devices => Set<DeviceEntity>();

    public DbSet<HeartbeatEntity> Heartbeats => Set<HeartbeatEntity>();

    public DbSet<DecisionEntity> Decisions => Set<DecisionEntity>();

    public DbSet<OutcomeEntity> Outcomes => Set<OutcomeEntity>();

    public DbSet<PolicyEntity> Policies => Set<PolicyEntity>();

    public DbSet<PolicyBundleEntity> PolicyBundles => Set<PolicyBundleEntity>();

    public DbSet<PolicyHistoryEntity> PolicyHistory => Set<PolicyHistoryEntity>();

    public DbSet<ShadowDecisionEntity> ShadowDecisions => Set<ShadowDecisionEntity>();

    public DbSet<TrainingJobEntity> TrainingJobs => Set<TrainingJobEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Applies to DateTimeOffset? properties as well.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMicrosecondsConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTimestampConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ControllerDbContext).Assembly);
    }
}
