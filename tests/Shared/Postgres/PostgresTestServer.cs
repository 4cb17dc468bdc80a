using Npgsql;

namespace Controller.Testing;

/// <summary>
/// The one-time reachability check for the PostgreSQL server the tests use: the first caller
/// pays for a connection attempt, later callers get the cached outcome, so an absent server fails
/// every test at once with the command that fixes it instead of each test timing out.
/// </summary>
public static class PostgresTestServer
{
    /// <summary>
    /// How long the reachability check waits for a connection, in seconds. A stopped server refuses
    /// at once; the wait only matters on a loaded machine, where a first connection can take seconds.
    /// </summary>
    public const int ConnectTimeoutSeconds = 15;

    private static readonly Lazy<Task> s_reachable =
        new(() => CheckReachableAsync(PostgresTestSettings.ConnectionString));

    /// <summary>Completes once the configured server has answered; throws the cached failure otherwise.</summary>
    /// <exception cref="InvalidOperationException">The server is not reachable; the message names the
    /// server, the variable and the setup command.</exception>
    public static Task EnsureReachableAsync() => s_reachable.Value;

    /// <summary>Connects to the given server once and runs <c>SELECT 1</c>, without caching.</summary>
    /// <exception cref="InvalidOperationException">The server is not reachable; the message names the
    /// server (password hidden), the variable and the setup command.</exception>
    public static async Task CheckReachableAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = ConnectTimeoutSeconds,
            Pooling = false,
        };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at '{PostgresTestSettings.Redact(connectionString)}' " +
                $"({PostgresTestSettings.VariableName} or its default): {ex.Message} " +
                $"Start the test servers with `{PostgresTestSettings.SetupCommand}` (or run `./test.sh`).",
                ex);
        }
    }
}
