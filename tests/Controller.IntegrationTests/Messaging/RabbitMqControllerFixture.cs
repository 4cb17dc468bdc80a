using Controller.Testing;

namespace Controller.IntegrationTests.Messaging;

/// <summary>
/// A controller on real RabbitMQ and PostgreSQL: a fresh database and queue names unique to this
/// fixture (auto-deleted receive queues), so runs never see each other's messages or rows.
/// </summary>
public sealed class RabbitMqControllerFixture : IAsyncLifetime
{
    public ControllerTestHost Host { get; private set; } = null!;

    public PostgresTestDatabase Database { get; private set; } = null!;

    public string EndpointPrefix { get; } = $"it-{Guid.NewGuid():N}"[..16];

    public async Task InitializeAsync()
    {
        await RabbitMqTestServer.EnsureReachableAsync();
        await PostgresTestServer.EnsureReachableAsync();
        Database = await PostgresTestDatabase.CreateAsync("messaging");
        var settings = new Dictionary<string, string?>(RabbitMqTestSettings.ServiceConfiguration(RabbitMqTestSettings.Endpoint))
        {
            ["Bus:EndpointPrefix"] = EndpointPrefix,
            ["Bus:AutoDeleteQueues"] = "true",
            ["Store:Provider"] = "Postgres",
            ["Store:ConnectionString"] = Database.ConnectionString,
        };
        Host = await ControllerTestHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}

/// <summary>RabbitMQ tests run one class at a time: they share a broker and its exchanges.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ";
}
