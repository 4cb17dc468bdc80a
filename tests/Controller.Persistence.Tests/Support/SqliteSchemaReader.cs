using System.Data.Common;

namespace Controller.Persistence.Tests.Support;

/// <summary>Reads SQLite's catalog through the <c>pragma_*</c> table-valued functions.</summary>
public sealed class SqliteSchemaReader : ISchemaReader
{
    public Task<IReadOnlyList<string>> ReadTablesAsync(DbConnection connection) =>
        SqlRows.ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));

    public Task<IReadOnlyList<DbColumn>> ReadColumnsAsync(DbConnection connection, string table) =>
        SqlRows.ReadAsync(
            connection,
            $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}')",
            r => new DbColumn(r.GetString(0), r.GetString(1), r.GetInt64(2) == 0));

    public async Task<IReadOnlyList<DbIndex>> ReadIndexesAsync(DbConnection connection, string table)
    {
        // origin 'c' = made by CREATE INDEX; primary keys ('pk') are checked by the key tests instead.
        var indexes = await SqlRows.ReadAsync(
            connection,
            $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'",
            r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1));
        var result = new List<DbIndex>();
        foreach (var (name, unique) in indexes)
        {
            var columns = await SqlRows.ReadAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno", r => r.GetString(0));
            result.Add(new DbIndex(name, unique, columns));
        }

        return result;
    }
}
