using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controller.Persistence.Migrations;

/// <summary>
/// Table <c>DialogueLedgers</c>, one budget ledger row per (device, dialogue). Not backfilled: a dialogue without a row
/// has it rebuilt from its decisions and outcomes the first time it is needed (<see cref="Ledgers.DialogueLedgerStore"/>),
/// and two replicas rebuilding at once are told apart by the primary key. Same on both providers but the time column.
/// </summary>
[DbContext(typeof(ControllerDbContext))]
[Migration("20261203000300_DialogueLedger")]
public sealed class DialogueLedger : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "DialogueLedgers",
            columns: table => new
            {
                DeviceId = table.Column<string>(maxLength: ColumnLengths.Identifier, nullable: false),
                DialogueId = table.Column<string>(maxLength: ColumnLengths.Identifier, nullable: false),
                Version = table.Column<long>(nullable: false),
                DecisionCount = table.Column<int>(nullable: false),
                OutcomeCount = table.Column<int>(nullable: false),
                ReportedLatencyMs = table.Column<double>(nullable: false),
                ReportedCostUsd = table.Column<double>(nullable: false),
                ReportedEnergyJoules = table.Column<double>(nullable: false),
                PendingJson = table.Column<string>(nullable: false),
                UpdatedAt = table.Timestamp(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_DialogueLedgers", x => new { x.DeviceId, x.DialogueId }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "DialogueLedgers");
    }
}
