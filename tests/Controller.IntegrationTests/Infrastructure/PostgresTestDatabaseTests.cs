using Controller.Testing;
using Npgsql;

namespace Controller.IntegrationTests.Infrastructure;

/// <summary>Proves the PostgreSQL test helpers against the real server (scripts/test-servers.sh start).</summary>
public sealed class PostgresTestDatabaseTests
{
    [Fact]
    public async Task Postgres_FreshDatabase_AcceptsConnection()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(nameof(PostgresTestDatabaseTests));

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);

        Assert.Equal(database.Name, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Postgres_FreshDatabase_HasNoTablesOfOtherTests()
    {
        await using var first = await PostgresTestDatabase.CreateAsync("isolation");
        await using var second = await PostgresTestDatabase.CreateAsync("isolation");
        await ExecuteAsync(first.ConnectionString, "CREATE TABLE only_in_first (id int)");

        var tables = await ScalarAsync<long>(second.ConnectionString,
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_first'");

        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(0, tables);
    }

    [Fact]
    public async Task Postgres_DisposedDatabaseWithOpenSession_IsDropped()
    {
        var database = await PostgresTestDatabase.CreateAsync("dropped");
        // A session the test forgets to close must not keep the database alive.
        var forgotten = new NpgsqlConnection(database.ConnectionString);
        await forgotten.OpenAsync();

        await database.DisposeAsync();

        var remaining = await ScalarAsync<long>(PostgresTestSettings.ConnectionString,
            $"SELECT count(*) FROM pg_database WHERE datname = '{database.Name}'");
        Assert.Equal(0, remaining);
        await forgotten.DisposeAsync();
    }

    [Fact]
    public async Task Postgres_ClosedPort_FailsWithSetupCommand()
    {
        // Port 1 (tcpmux) is never a PostgreSQL server; the connection is refused at once.
        var unreachable = "Host=127.0.0.1;Port=1;Username=controller;Password=secret;Database=controller";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PostgresTestServer.CheckReachableAsync(unreachable));

        Assert.Contains(PostgresTestSettings.SetupCommand, error.Message, StringComparison.Ordinal);
        Assert.Contains("Port=1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
