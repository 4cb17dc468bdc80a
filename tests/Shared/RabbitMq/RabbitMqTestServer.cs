using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Controller.Testing;

/// <summary>
/// Connections to the test broker, and the one-time reachability check: the first caller pays for
/// a connection attempt, later callers get the cached outcome, so an absent broker fails every
/// test at once with the command that fixes it instead of each test timing out.
/// </summary>
public static class RabbitMqTestServer
{
    /// <summary>
    /// How long a connection attempt waits for the broker. A stopped broker refuses at once; the
    /// wait only matters on a loaded machine, where a first handshake can take seconds.
    /// </summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private static readonly Lazy<Task> s_reachable =
        new(() => CheckReachableAsync(RabbitMqTestSettings.Endpoint));

    /// <summary>Completes once the configured broker has accepted a connection; throws the cached failure otherwise.</summary>
    /// <exception cref="InvalidOperationException">The broker is not reachable; the message names it,
    /// the variable and the setup command.</exception>
    public static Task EnsureReachableAsync() => s_reachable.Value;

    /// <summary>A connection factory for the endpoint with the test timeouts, the async API and a readable client name.</summary>
    public static ConnectionFactory CreateConnectionFactory(RabbitMqEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new ConnectionFactory
        {
            HostName = endpoint.Host,
            Port = endpoint.Port,
            VirtualHost = endpoint.VirtualHost,
            UserName = endpoint.Username,
            Password = endpoint.Password,
            Ssl = new SslOption(endpoint.Host, enabled: endpoint.UseTls),
            RequestedConnectionTimeout = ConnectTimeout,
            ClientProvidedName = "Controller.Testing",
            AutomaticRecoveryEnabled = false,
        };
    }

    /// <summary>Opens and closes one connection to the endpoint, without caching.</summary>
    /// <exception cref="InvalidOperationException">The broker is not reachable or refuses the credentials;
    /// the message names the broker (password hidden), the variable and the setup command.</exception>
    public static async Task CheckReachableAsync(RabbitMqEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await CreateConnectionFactory(endpoint).CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or IOException or TimeoutException
                                       or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not reachable at '{endpoint}' ({RabbitMqTestSettings.VariableName} or its default): " +
                $"{Innermost(ex).Message} Start the test servers with `{RabbitMqTestSettings.SetupCommand}` (or run `./test.sh`).",
                ex);
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
