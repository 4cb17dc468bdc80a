using Controller.Persistence.Configurations;
using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controller.Persistence.Migrations;

/// <summary>
/// The first schema: devices, heartbeats, decisions, outcomes, policies, training jobs. Written by
/// hand; names follow EF's conventions (<c>PK_Table</c>, <c>IX_Table_Columns</c>,
/// <c>FK_Dependent_Principal_Column</c>) so later migrations can refer to them.
/// </summary>
[DbContext(typeof(ControllerDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "Devices",
            columns: table => new
            {
                DeviceId = table.Column<string>(maxLength: ColumnLengths.Identifier, nullable: false),
                DeviceClass = table.Column<string>(maxLength: ColumnLengths.Identifier, nullable: false),
                FirstSeenAt = table.Timestamp(migrationBuilder),
                LastSeenAt = table.Timestamp(migrationBuilder),
                BatteryPercent = table.Column<double>(nullable: false),
                EnergyBudgetRemainingJoules = table.Column<double>(nullable: false),
                FreeMemoryMb = table.Column<double>(nullable: false),
                Network = table.Column<string>(maxLength: ColumnLengths.EnumName, nullable: false),
                UplinkMbps = table.Column<double>(nullable: false),
                DownlinkMbps = table.Column<double>(nullable: false),
                RttMs = table.Column<double>(nullable: false),
                DraftAcceptanceEstimate = table.Column<double>(nullable: true),
                LastHeartbeatId = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Devices", x => x.DeviceId));

        migrationBuilder.CreateTable(
            name: "Heartbeats",
            columns: table => new
            {
                HeartbeatId = table.Column<Guid>(nullable: false),
                DeviceId = table.Column<string>(maxLength: ColumnLengths.Identifier, nullable: false),
                DeviceClass = table.Column<string>(maxLength: ColumnLengths.Identifier, nullable: false),
                SentAt = table.Timestamp(migrationBuilder),
                ReceivedAt = table.Timestamp(migrationBuilder),
                BatteryPercent = table.Column<double>(nullable: false),
                EnergyBudgetRemainingJoules = table.Column<double>(nullable: false),
                FreeMemoryMb = table.Column<double>(nullable: false),
                CpuLoad = table.Column<double>(nullable: false),
                GpuLoad = table.Column<double>(nullable: false),
                TemperatureCelsius = table.Column<double>(nullable: false),
                Network = table.Column<string>(maxLength: ColumnLengths.EnumName, nullable: false),
                UplinkMbps = table.Column<double>(nullable: false),
                DownlinkMbps = table.Column<double>(nullable: false),
                RttMs = table.Column<double>(nullable: false),
                DraftAcceptanceEstimate = table.Column<double>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Heartbeats", x => x.HeartbeatId));

        migrationBuilder.CreateTable(
            name: "Decisions",
            columns: table => new
            {
                DecisionId = table.Column<Guid>(nullable: false),
                RequestId = table.Column<Guid>(nullable: false),
                DeviceId = table.Column<string>(maxLength: ColumnLengths.Identifier, nullable: false),
                DialogueId = table.Column<string>(maxLength: ColumnLengths.Identifier, nullable: false),
                Turn = table.Column<int>(nullable: false),
                TaskCategory = table.Column<string>(maxLength: ColumnLengths.TaskCategory, nullable: false),
                Location = table.Column<string>(maxLength: ColumnLengths.EnumName, nullable: false),
                UploadModalityIds = table.Column<string>(nullable: false),
                DraftLength = table.Column<int>(nullable: false),
                ActionIndex = table.Column<int>(nullable: false),
                Propensity = table.Column<double>(nullable: false),
                PolicyName = table.Column<string>(maxLength: ColumnLengths.PolicyName, nullable: false),
                PolicyVersion = table.Column<string>(maxLength: ColumnLengths.PolicyVersion, nullable: false),
                DecidedAt = table.Timestamp(migrationBuilder),
                ExpiresAt = table.Timestamp(migrationBuilder),
                ExpectedLatencyMs = table.Column<double>(nullable: false),
                ExpectedCostUsd = table.Column<double>(nullable: false),
                ExpectedEnergyJoules = table.Column<double>(nullable: false),
                RequestJson = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Decisions", x => x.DecisionId));

        migrationBuilder.CreateTable(
            name: "Outcomes",
            columns: table => new
            {
                DecisionId = table.Column<Guid>(nullable: false),
                DeviceId = table.Column<string>(maxLength: ColumnLengths.Identifier, nullable: false),
                ExecutedLocation = table.Column<string>(maxLength: ColumnLengths.EnumName, nullable: false),
                ExecutedModalityIds = table.Column<string>(nullable: false),
                ExecutedDraftLength = table.Column<int>(nullable: false),
                TimeToFirstTokenMs = table.Column<double>(nullable: false),
                TotalLatencyMs = table.Column<double>(nullable: false),
                TokensGenerated = table.Column<int>(nullable: false),
                DraftTokensProposed = table.Column<int>(nullable: false),
                DraftTokensAccepted = table.Column<int>(nullable: false),
                BytesUp = table.Column<long>(nullable: false),
                BytesDown = table.Column<long>(nullable: false),
                DeviceEnergyJoules = table.Column<double>(nullable: false),
                CloudCostUsd = table.Column<double>(nullable: false),
                QualityScore = table.Column<double>(nullable: true),
                ReportedAt = table.Timestamp(migrationBuilder),
                ReceivedAt = table.Timestamp(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Outcomes", x => x.DecisionId);
                table.ForeignKey(
                    name: "FK_Outcomes_Decisions_DecisionId",
                    column: x => x.DecisionId,
                    principalTable: "Decisions",
                    principalColumn: "DecisionId",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Policies",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: ColumnLengths.PolicyName, nullable: false),
                Version = table.Column<string>(maxLength: ColumnLengths.PolicyVersion, nullable: false),
                Algorithm = table.Column<string>(maxLength: ColumnLengths.Algorithm, nullable: false),
                Status = table.Column<string>(maxLength: ColumnLengths.EnumName, nullable: false),
                CreatedAt = table.Timestamp(migrationBuilder),
                ActivatedAt = table.Timestamp(migrationBuilder, nullable: true),
                ManifestJson = table.Column<string>(nullable: true),
                BundlePath = table.Column<string>(maxLength: ColumnLengths.Path, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Policies", x => new { x.Name, x.Version }));

        migrationBuilder.CreateTable(
            name: "TrainingJobs",
            columns: table => new
            {
                JobId = table.Column<Guid>(nullable: false),
                PolicyName = table.Column<string>(maxLength: ColumnLengths.PolicyName, nullable: false),
                Algorithm = table.Column<string>(maxLength: ColumnLengths.Algorithm, nullable: false),
                Status = table.Column<string>(maxLength: ColumnLengths.EnumName, nullable: false),
                RequestedAt = table.Timestamp(migrationBuilder),
                StartedAt = table.Timestamp(migrationBuilder, nullable: true),
                FinishedAt = table.Timestamp(migrationBuilder, nullable: true),
                ConfigJson = table.Column<string>(nullable: false),
                Error = table.Column<string>(nullable: true),
                MetricsJson = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_TrainingJobs", x => x.JobId));

        migrationBuilder.CreateIndex(name: "IX_Heartbeats_DeviceId_SentAt", table: "Heartbeats", columns: ["DeviceId", "SentAt"]);
        migrationBuilder.CreateIndex(name: "IX_Decisions_RequestId", table: "Decisions", column: "RequestId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Decisions_DialogueId", table: "Decisions", column: "DialogueId");
        migrationBuilder.CreateIndex(name: "IX_Decisions_DeviceId_DecidedAt", table: "Decisions", columns: ["DeviceId", "DecidedAt"]);
        migrationBuilder.CreateIndex(
            name: "IX_Policies_SingleActive",
            table: "Policies",
            column: "Status",
            unique: true,
            filter: PolicyEntityConfiguration.SingleActiveFilter);
        migrationBuilder.CreateIndex(name: "IX_TrainingJobs_Status_RequestedAt", table: "TrainingJobs", columns: ["Status", "RequestedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "Outcomes");
        migrationBuilder.DropTable(name: "Decisions");
        migrationBuilder.DropTable(name: "Heartbeats");
        migrationBuilder.DropTable(name: "Devices");
        migrationBuilder.DropTable(name: "Policies");
        migrationBuilder.DropTable(name: "TrainingJobs");
    }
}
