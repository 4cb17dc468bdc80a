using System.Data.Common;

namespace Controller.Persistence.Tests.Support;

/// <summary>Runs a catalog query on an open connection and maps each row.</summary>
public static class SqlRows
{
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
