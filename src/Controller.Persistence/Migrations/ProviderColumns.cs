using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Controller.Persistence.Migrations;

/// <summary>
/// Column declarations whose stored CLR type differs by provider, for hand-written migrations.
/// Every other column is declared by its CLR type and the active provider picks the store type.
/// </summary>
public static class ProviderColumns
{
    /// <summary>
    /// A <see cref="DateTimeOffset"/> column as the model stores it: UTC microseconds in an
    /// <c>INTEGER</c> on SQLite (see <see cref="Conversions.UnixMicrosecondsConverter"/>), and
    /// <c>timestamp with time zone</c> on PostgreSQL.
    /// </summary>
    public static OperationBuilder<AddColumnOperation> Timestamp(
        this ColumnsBuilder table, MigrationBuilder migrationBuilder, bool nullable = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        return migrationBuilder.IsSqlite()
            ? table.Column<long>(nullable: nullable)
            : table.Column<DateTimeOffset>(nullable: nullable);
    }
}
