using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controller.Persistence.Migrations;

/// <summary>
/// Decisions say when the active policy handed a request to its fallback and why (<c>FallbackReason</c>, null when it
/// decided itself), and keep what a learned policy decided from for off-policy evaluation: the observation vector
/// (<c>Observation</c>, float32 little-endian) and the action mask over its problem's actions (<c>ActionMask</c>, one byte
/// per action, 1 = allowed). All nullable: rows written before, and the baseline's, have none. Both providers: plain
/// nullable columns (BLOB on SQLite, bytea on PostgreSQL).
/// </summary>
[DbContext(typeof(ControllerDbContext))]
[Migration("20261203000100_DecisionFallback")]
public sealed class DecisionFallback : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "FallbackReason", table: "Decisions", maxLength: Entities.ColumnLengths.FallbackReason, nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "Observation", table: "Decisions", nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "ActionMask", table: "Decisions", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "ActionMask", table: "Decisions");
        migrationBuilder.DropColumn(name: "Observation", table: "Decisions");
        migrationBuilder.DropColumn(name: "FallbackReason", table: "Decisions");
    }
}
