using System.Data.Common;

namespace Controller.Persistence.Tests.Support;

/// <summary>A column as the database reports it.</summary>
public sealed record DbColumn(string Name, string StoreType, bool IsNullable);

/// <summary>A secondary index as the database reports it (primary keys excluded).</summary>
public sealed record DbIndex(string Name, bool IsUnique, IReadOnlyList<string> Columns);

/// <summary>Reads the schema a migration really produced, from the provider's catalog.</summary>
public interface ISchemaReader
{
    Task<IReadOnlyList<string>> ReadTablesAsync(DbConnection connection);

    Task<IReadOnlyList<DbColumn>> ReadColumnsAsync(DbConnection connection, string table);

    Task<IReadOnlyList<DbIndex>> ReadIndexesAsync(DbConnection connection, string table);
}
