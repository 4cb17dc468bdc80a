using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controller.Persistence.Migrations;

/// <summary>
/// Index for reading a device's latest heartbeat by the controller's receive time rather than the device's clock
/// (the decision path's energy ledger). Both providers: a plain index on columns that already exist.
/// </summary>
[DbContext(typeof(ControllerDbContext))]
[Migration("20261202000000_HeartbeatsByReceipt")]
public sealed class HeartbeatsByReceipt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex(name: "IX_Heartbeats_DeviceId_ReceivedAt", table: "Heartbeats", columns: ["DeviceId", "ReceivedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex(name: "IX_Heartbeats_DeviceId_ReceivedAt", table: "Heartbeats");
    }
}
