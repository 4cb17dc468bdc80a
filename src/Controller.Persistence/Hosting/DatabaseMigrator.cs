using System.Diagnostics;
using Controller.Persistence.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Controller.Persistence.Hosting;

/// <summary>
/// Brings the database to the newest migration. On SQLite it creates the file's directory and
/// switches the file to WAL (readers do not block the writer); on PostgreSQL it creates the
/// database if missing and keeps retrying while the server is still starting.
/// </summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<ControllerDbContext> contextFactory,
    IOptions<StoreOptions> options,
    ILogger<DatabaseMigrator> logger)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Applies pending migrations with the migrator registered in <paramref name="services"/>.</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations; a no-op when the schema is current.</summary>
    /// <exception cref="TimeoutException">PostgreSQL stayed unreachable for <see cref="StoreOptions.StartupTimeoutSeconds"/>.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var store = options.Value;
        if (store.Provider == StoreProvider.Sqlite)
        {
            CreateSqliteDirectory(store.ConnectionString);
        }

        var deadline = Stopwatch.StartNew();
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateOnceAsync(store.Provider, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (IsServerStarting(exception))
            {
                if (deadline.Elapsed + delay > TimeSpan.FromSeconds(store.StartupTimeoutSeconds))
                {
                    throw new TimeoutException(
                        $"The {store.Provider} store was not reachable within {StoreOptions.SectionName}:{nameof(StoreOptions.StartupTimeoutSeconds)} = {store.StartupTimeoutSeconds} s ({attempt} attempts): {exception.Message}",
                        exception);
                }

                PersistenceLog.DatabaseNotReady(logger, exception, store.Provider, attempt, delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task MigrateOnceAsync(StoreProvider provider, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        var current = (await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).LastOrDefault() ?? "(none)";
        if (pending.Count > 0)
        {
            PersistenceLog.MigrationsApplied(logger, pending.Count, provider, current);
        }
        else
        {
            PersistenceLog.SchemaUpToDate(logger, provider, current);
        }

        if (provider == StoreProvider.Sqlite)
        {
            await EnableWalAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    // WAL is a property of the database file, so setting it once at start covers every connection.
    private async Task EnableWalAsync(ControllerDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            PersistenceLog.SqliteJournalMode(logger, mode ?? "unknown");
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static void CreateSqliteDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    private static bool IsServerStarting(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
