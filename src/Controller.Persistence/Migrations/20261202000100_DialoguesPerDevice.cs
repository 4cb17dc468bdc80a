using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controller.Persistence.Migrations;

/// <summary>
/// Dialogue budgets are read per (device, dialogue id) rather than per dialogue id alone, so the index follows. Both
/// providers: plain indexes on existing columns.
/// </summary>
[DbContext(typeof(ControllerDbContext))]
[Migration("20261202000100_DialoguesPerDevice")]
public sealed class DialoguesPerDevice : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex(name: "IX_Decisions_DialogueId", table: "Decisions");
        migrationBuilder.CreateIndex(name: "IX_Decisions_DeviceId_DialogueId", table: "Decisions", columns: ["DeviceId", "DialogueId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex(name: "IX_Decisions_DeviceId_DialogueId", table: "Decisions");
        migrationBuilder.CreateIndex(name: "IX_Decisions_DialogueId", table: "Decisions", column: "DialogueId");
    }
}
