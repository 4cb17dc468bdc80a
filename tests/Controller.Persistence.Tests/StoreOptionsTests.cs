using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Controller.Persistence.Tests;

public sealed class StoreOptionsTests
{
    [Fact]
    public void Validate_Defaults_SucceedWithSqliteFile()
    {
        var options = new StoreOptions();

        var result = new StoreOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal(StoreProvider.Sqlite, options.Provider);
        Assert.Equal("Data Source=controller.db", options.ConnectionString);
    }

    [Fact]
    public void Validate_EmptyConnectionString_FailsNamingKey()
    {
        var result = new StoreOptionsValidator().Validate(null, new StoreOptions { ConnectionString = " " });

        Assert.True(result.Failed);
        Assert.Contains("Store:ConnectionString is empty", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedProvider_FailsListingKnownProviders()
    {
        var result = new StoreOptionsValidator().Validate(null, new StoreOptions { Provider = (StoreProvider)7 });

        Assert.True(result.Failed);
        Assert.Contains("Store:Provider '7' is not one of: Sqlite, Postgres", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Validate_BadStartupTimeout_FailsNamingKey(double seconds)
    {
        var result = new StoreOptionsValidator().Validate(null, new StoreOptions { StartupTimeoutSeconds = seconds });

        Assert.True(result.Failed);
        Assert.Contains("Store:StartupTimeoutSeconds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 256, "Store:DecisionLogCapacity '0'")]
    [InlineData(1024, 0, "Store:DecisionLogMaxBatch '0'")]
    public void Validate_DecisionLogSizeBelowOne_FailsNamingKey(int capacity, int maxBatch, string expected)
    {
        var result = new StoreOptionsValidator().Validate(null, new StoreOptions { DecisionLogCapacity = capacity, DecisionLogMaxBatch = maxBatch });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddControllerPersistence_UnknownProviderInConfiguration_StartupValidationNamesKeyAndValue()
    {
        using var services = FromConfiguration(new() { ["Store:Provider"] = "Mysql" });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Store:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mysql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddControllerPersistence_EmptyConnectionStringInConfiguration_StartupValidationFails()
    {
        using var services = FromConfiguration(new() { ["Store:ConnectionString"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Store:ConnectionString is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddControllerPersistence_PostgresInConfiguration_ContextUsesNpgsql()
    {
        using var services = FromConfiguration(new()
        {
            ["Store:Provider"] = "Postgres",
            ["Store:ConnectionString"] = "Host=127.0.0.1;Database=controller",
        });
        services.GetRequiredService<IStartupValidator>().Validate();

        using var context = services.GetRequiredService<IDbContextFactory<ControllerDbContext>>().CreateDbContext();

        Assert.True(context.Database.IsNpgsql());
    }

    [Fact]
    public void AddControllerPersistence_InvalidOptionsInCode_ThrowsAtRegistration()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<OptionsValidationException>(() =>
            services.AddControllerPersistence(new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = "" }));

        Assert.Contains("Store:ConnectionString is empty; set it to an ADO.NET connection string for the Postgres provider", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider FromConfiguration(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddControllerPersistence(configuration).BuildServiceProvider();
    }
}
