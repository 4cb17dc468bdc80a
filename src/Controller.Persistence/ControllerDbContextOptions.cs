using Controller.Persistence.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Controller.Persistence;

/// <summary>Turns <see cref="StoreOptions"/> into EF options for <see cref="ControllerDbContext"/>.</summary>
public static class ControllerDbContextOptions
{
    /// <summary>Configures <paramref name="builder"/> for the provider and connection in <paramref name="options"/>.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        StoreOptionsValidator.ThrowIfInvalid(options);
        switch (options.Provider)
        {
            case StoreProvider.Sqlite:
                builder.UseSqlite(options.ConnectionString)
                    .AddInterceptors(new SqliteBusyTimeoutInterceptor(options.SqliteBusyTimeoutMs));
                break;
            case StoreProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown store provider.");
        }

        // Migrations are hand-written without a model snapshot (it would differ per provider), so EF
        // cannot tell whether the model has changes no migration covers. The schema tests check that
        // instead, on both providers.
        builder.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }

    /// <summary>Builds standalone options, for tools and tests that do not use dependency injection.</summary>
    public static DbContextOptions<ControllerDbContext> Create(StoreOptions options)
    {
        var builder = new DbContextOptionsBuilder<ControllerDbContext>();
        Configure(builder, options);
        return builder.Options;
    }
}
