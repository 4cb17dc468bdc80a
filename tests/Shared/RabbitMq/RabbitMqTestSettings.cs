namespace Controller.Testing;

/// <summary>
/// Where the tests find RabbitMQ: the AMQP URI in <c>CONTROLLER_TEST_RABBITMQ</c>, or the
/// loopback broker <c>scripts/test-servers.sh start</c> brings up when the variable is unset.
/// </summary>
public static class RabbitMqTestSettings
{
    /// <summary>The environment variable that overrides the broker URI.</summary>
    public const string VariableName = "CONTROLLER_TEST_RABBITMQ";

    /// <summary>The loopback broker with RabbitMQ's guest user (admitted from loopback only).</summary>
    public const string DefaultUri = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>The command that starts the test servers, quoted in every "not reachable" failure.</summary>
    public const string SetupCommand = "scripts/test-servers.sh start";

    private static readonly Lazy<RabbitMqEndpoint> s_endpoint =
        new(() => Resolve(Environment.GetEnvironmentVariable(VariableName)));

    /// <summary>The broker from <see cref="VariableName"/>, or <see cref="DefaultUri"/>.</summary>
    /// <exception cref="FormatException">The variable holds no valid AMQP URI (message names it).</exception>
    public static RabbitMqEndpoint Endpoint => s_endpoint.Value;

    /// <summary>Parses a configured value, falling back to <see cref="DefaultUri"/> when it is null or blank.</summary>
    /// <exception cref="FormatException">The value is not an amqp/amqps URI; the message names the variable.</exception>
    public static RabbitMqEndpoint Resolve(string? value) =>
        RabbitMqEndpoint.Parse(string.IsNullOrWhiteSpace(value) ? DefaultUri : value, VariableName);

    /// <summary>
    /// The service's configuration keys for this broker (<c>Bus:Transport</c> = <c>RabbitMq</c> and
    /// <c>Bus:RabbitMq:Host|Port|VirtualHost|Username|Password</c>), for an in-memory configuration
    /// source in a test host.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ServiceConfiguration(RabbitMqEndpoint endpoint) =>
        new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = endpoint.Host,
            ["Bus:RabbitMq:Port"] = endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:RabbitMq:VirtualHost"] = endpoint.VirtualHost,
            ["Bus:RabbitMq:Username"] = endpoint.Username,
            ["Bus:RabbitMq:Password"] = endpoint.Password,
        };
}
