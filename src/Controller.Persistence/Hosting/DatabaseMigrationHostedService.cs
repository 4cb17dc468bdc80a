using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Controller.Persistence.Hosting;

/// <summary>
/// Migrates the database when the host starts, unless <see cref="StoreOptions.MigrateOnStart"/> is
/// off. Hosted services start in registration order, so registering persistence before the message
/// bus means no consumer runs against an old schema.
/// </summary>
public sealed class DatabaseMigrationHostedService(DatabaseMigrator migrator, IOptions<StoreOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.MigrateOnStart ? migrator.MigrateAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
