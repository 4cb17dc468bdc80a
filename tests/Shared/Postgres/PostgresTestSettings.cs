using Npgsql;

namespace Controller.Testing;

/// <summary>
/// Where the tests find PostgreSQL: the Npgsql connection string in
/// <c>CONTROLLER_TEST_POSTGRES</c>, or the loopback server <c>scripts/test-servers.sh start</c>
/// brings up when the variable is unset.
/// </summary>
public static class PostgresTestSettings
{
    /// <summary>The environment variable that overrides the connection string.</summary>
    public const string VariableName = "CONTROLLER_TEST_POSTGRES";

    /// <summary>The server, role and database <c>scripts/test-servers.sh start</c> provisions.</summary>
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Username=controller;Password=controller;Database=controller";

    /// <summary>The command that starts the test servers, quoted in every "not reachable" failure.</summary>
    public const string SetupCommand = "scripts/test-servers.sh start";

    private static readonly Lazy<string> s_connectionString =
        new(() => Resolve(Environment.GetEnvironmentVariable(VariableName)));

    /// <summary>
    /// The connection string from <see cref="VariableName"/>, or <see cref="DefaultConnectionString"/>.
    /// Its database is the administrative one fresh test databases are created from.
    /// </summary>
    public static string ConnectionString => s_connectionString.Value;

    /// <summary>
    /// Validates a configured value, falling back to the default when it is null or blank.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a usable Npgsql connection string;
    /// the message names the variable and the offending value (password hidden).</exception>
    public static string Resolve(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultConnectionString;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(
                $"{VariableName} is not a valid Npgsql connection string ({ex.Message}); " +
                $"expected e.g. '{DefaultConnectionString}'.", nameof(value), ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException(
                $"{VariableName}='{Redact(value)}' has no Host; expected e.g. '{DefaultConnectionString}'.",
                nameof(value));
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new ArgumentException(
                $"{VariableName}='{Redact(value)}' has no Database; tests create their databases from it, " +
                $"expected e.g. '{DefaultConnectionString}'.", nameof(value));
        }

        return builder.ConnectionString;
    }

    /// <summary>The connection string with its password removed, for messages and logs.</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(unparseable connection string)";
        }
    }
}
