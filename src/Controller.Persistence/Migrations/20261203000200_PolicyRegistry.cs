using Controller.Persistence.Configurations;
using Controller.Persistence.Entities;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controller.Persistence.Migrations;

/// <summary>
/// The policy registry: bundles stored in the database (<c>PolicyBundles</c>), every lifecycle change
/// (<c>PolicyHistory</c>), shadow policies' decisions beside the live ones (<c>ShadowDecisions</c>), at most one canary
/// (<c>IX_Policies_SingleCanary</c>), and a policy version's decisions by time for the rollback monitor. Only new tables and an index, the same on both providers apart from the
/// time columns.
/// </summary>
[DbContext(typeof(ControllerDbContext))]
[Migration("20261203000200_PolicyRegistry")]
public sealed class PolicyRegistry : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "PolicyBundles",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: ColumnLengths.PolicyName, nullable: false),
                Version = table.Column<string>(maxLength: ColumnLengths.PolicyVersion, nullable: false),
                Weights = table.Column<byte[]>(nullable: false),
                PackageSha256 = table.Column<string>(maxLength: ColumnLengths.Sha256Hex, nullable: false),
                PackageSizeBytes = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PolicyBundles", x => new { x.Name, x.Version });
                table.ForeignKey(
                    name: "FK_PolicyBundles_Policies_Name_Version",
                    columns: x => new { x.Name, x.Version },
                    principalTable: "Policies",
                    principalColumns: ["Name", "Version"],
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PolicyHistory",
            columns: table => new
            {
                ChangeId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: ColumnLengths.PolicyName, nullable: false),
                Version = table.Column<string>(maxLength: ColumnLengths.PolicyVersion, nullable: false),
                FromStatus = table.Column<string>(maxLength: ColumnLengths.EnumName, nullable: true),
                ToStatus = table.Column<string>(maxLength: ColumnLengths.EnumName, nullable: false),
                ChangedAt = table.Timestamp(migrationBuilder),
                ChangedBy = table.Column<string>(maxLength: ColumnLengths.Actor, nullable: false),
                Reason = table.Column<string>(maxLength: ColumnLengths.Reason, nullable: false),
                GateOverridden = table.Column<bool>(nullable: false),
                RelatedName = table.Column<string>(maxLength: ColumnLengths.PolicyName, nullable: true),
                RelatedVersion = table.Column<string>(maxLength: ColumnLengths.PolicyVersion, nullable: true),
                AnnouncedAt = table.Timestamp(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PolicyHistory", x => x.ChangeId);
                table.ForeignKey(
                    name: "FK_PolicyHistory_Policies_Name_Version",
                    columns: x => new { x.Name, x.Version },
                    principalTable: "Policies",
                    principalColumns: ["Name", "Version"],
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ShadowDecisions",
            columns: table => new
            {
                DecisionId = table.Column<Guid>(nullable: false),
                PolicyName = table.Column<string>(maxLength: ColumnLengths.PolicyName, nullable: false),
                PolicyVersion = table.Column<string>(maxLength: ColumnLengths.PolicyVersion, nullable: false),
                ActionIndex = table.Column<int>(nullable: false),
                Location = table.Column<string>(maxLength: ColumnLengths.EnumName, nullable: false),
                UploadModalityIds = table.Column<string>(nullable: false),
                DraftLength = table.Column<int>(nullable: false),
                Propensity = table.Column<double>(nullable: false),
                ExpectedLatencyMs = table.Column<double>(nullable: false),
                ExpectedCostUsd = table.Column<double>(nullable: false),
                ExpectedEnergyJoules = table.Column<double>(nullable: false),
                DecidedAt = table.Timestamp(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ShadowDecisions", x => new { x.DecisionId, x.PolicyName, x.PolicyVersion });
                table.ForeignKey(
                    name: "FK_ShadowDecisions_Decisions_DecisionId",
                    column: x => x.DecisionId,
                    principalTable: "Decisions",
                    principalColumn: "DecisionId",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_PolicyHistory_Name_Version_ChangedAt", table: "PolicyHistory", columns: ["Name", "Version", "ChangedAt"]);
        migrationBuilder.CreateIndex(
            name: "IX_ShadowDecisions_PolicyName_PolicyVersion_DecidedAt", table: "ShadowDecisions", columns: ["PolicyName", "PolicyVersion", "DecidedAt"]);
        migrationBuilder.CreateIndex(
            name: "IX_Decisions_PolicyName_PolicyVersion_DecidedAt", table: "Decisions", columns: ["PolicyName", "PolicyVersion", "DecidedAt"]);
        migrationBuilder.CreateIndex(
            name: "IX_Policies_SingleCanary",
            table: "Policies",
            column: "Status",
            unique: true,
            filter: PolicyEntityConfiguration.SingleCanaryFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex(name: "IX_Policies_SingleCanary", table: "Policies");
        migrationBuilder.DropIndex(name: "IX_Decisions_PolicyName_PolicyVersion_DecidedAt", table: "Decisions");
        migrationBuilder.DropTable(name: "ShadowDecisions");
        migrationBuilder.DropTable(name: "PolicyHistory");
        migrationBuilder.DropTable(name: "PolicyBundles");
    }
}
