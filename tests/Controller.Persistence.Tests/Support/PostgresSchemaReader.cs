using System.Data.Common;

namespace Controller.Persistence.Tests.Support;

/// <summary>Reads PostgreSQL's catalog (<c>information_schema</c> and <c>pg_index</c>) for the public schema.</summary>
public sealed class PostgresSchemaReader : ISchemaReader
{
    public Task<IReadOnlyList<string>> ReadTablesAsync(DbConnection connection) =>
        SqlRows.ReadAsync(
            connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            r => r.GetString(0));

    public Task<IReadOnlyList<DbColumn>> ReadColumnsAsync(DbConnection connection, string table) =>
        SqlRows.ReadAsync(
            connection,
            $"""
            SELECT column_name,
                   data_type || COALESCE('(' || character_maximum_length || ')', ''),
                   is_nullable = 'YES'
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = '{table}'
            """,
            r => new DbColumn(r.GetString(0), r.GetString(1), r.GetBoolean(2)));

    public async Task<IReadOnlyList<DbIndex>> ReadIndexesAsync(DbConnection connection, string table) =>
        await SqlRows.ReadAsync(
            connection,
            $"""
            SELECT i.relname, ix.indisunique, array_agg(a.attname::text ORDER BY k.ord)
            FROM pg_class t
            JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
            JOIN pg_index ix ON ix.indrelid = t.oid AND NOT ix.indisprimary
            JOIN pg_class i ON i.oid = ix.indexrelid
            CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE t.relname = '{table}'
            GROUP BY i.relname, ix.indisunique
            """,
            r => new DbIndex(r.GetString(0), r.GetBoolean(1), (string[])r.GetValue(2)));
}
