using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace Controller.Testing;

/// <summary>
/// A fresh, uniquely named PostgreSQL database for one test, dropped again on dispose, so tests
/// never share state and never need cleanup of each other's rows.
/// </summary>
/// <example>
/// <code>
/// await using var database = await PostgresTestDatabase.CreateAsync();
/// options.UseNpgsql(database.ConnectionString);
/// </code>
/// </example>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    /// <summary>Every test database name starts with this, so leftovers of a killed run are easy to spot.</summary>
    public const string NamePrefix = "ctest_";

    // PostgreSQL truncates identifiers longer than 63 bytes (NAMEDATALEN - 1).
    private const int MaxNameLength = 63;

    private readonly string _adminConnectionString;
    private bool _disposed;

    private PostgresTestDatabase(string name, string connectionString, string adminConnectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
    }

    /// <summary>The database's name: <see cref="NamePrefix"/>, the label, a timestamp and random hex.</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string to this database (same server and credentials as the settings).</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Creates a fresh database on the server named by <see cref="PostgresTestSettings.ConnectionString"/>.
    /// </summary>
    /// <param name="label">Optional readable part of the name (letters, digits, underscores), e.g. the test class.</param>
    /// <exception cref="InvalidOperationException">The server is not reachable (the message says how to start it).</exception>
    /// <exception cref="ArgumentException">The label holds characters other than letters, digits and underscores.</exception>
    public static async Task<PostgresTestDatabase> CreateAsync(string? label = null, CancellationToken cancellationToken = default)
    {
        await PostgresTestServer.EnsureReachableAsync();
        return await CreateOnAsync(PostgresTestSettings.ConnectionString, label, cancellationToken);
    }

    /// <summary>Creates a fresh database on the given server, without the cached reachability check.</summary>
    public static async Task<PostgresTestDatabase> CreateOnAsync(
        string adminConnectionString, string? label = null, CancellationToken cancellationToken = default)
    {
        var name = UniqueName(label);
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(name, connectionString, adminConnectionString);
    }

    /// <summary>
    /// A database name no other test uses: <c>ctest_&lt;label&gt;_&lt;yyyyMMddHHmmss&gt;_&lt;8 hex&gt;</c>,
    /// lower case, at most 63 characters.
    /// </summary>
    /// <exception cref="ArgumentException">The label holds characters other than letters, digits and underscores.</exception>
    public static string UniqueName(string? label = null)
    {
        var readable = string.IsNullOrEmpty(label) ? "db" : label.ToLowerInvariant();
        foreach (var c in readable)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException(
                    $"Database label '{label}' holds '{c}'; use letters, digits and underscores only.", nameof(label));
            }
        }

        var suffix = string.Create(CultureInfo.InvariantCulture,
            $"_{DateTime.UtcNow:yyyyMMddHHmmss}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var room = MaxNameLength - NamePrefix.Length - suffix.Length;
        if (readable.Length > room)
        {
            readable = readable[..room];
        }

        return NamePrefix + readable + suffix;
    }

    /// <summary>Closes pooled connections to the database and drops it, even if a test left sessions open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        // FORCE (PostgreSQL 13+) ends sessions a test forgot to close, which would otherwise block the drop.
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
