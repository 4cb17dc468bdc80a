using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Controller.Service.Tests.Configuration;

public sealed class LogLevelDefaultsTests
{
    private const string SqlCommands = "Microsoft.EntityFrameworkCore.Database.Command";

    [Theory]
    [InlineData(SqlCommands, false)]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics", false)]
    [InlineData("MassTransit", false)]
    [InlineData("Npgsql.Command", false)]
    [InlineData("Microsoft.Hosting.Lifetime", true)]
    [InlineData("Controller.Service.Decisions.DecisionService", true)]
    [InlineData("Controller.Persistence.Hosting.DatabaseMigrator", true)]
    public async Task ControllerHost_DefaultSettings_InformationOnlyForTheControllerAndTheHostLifetime(string category, bool information)
    {
        await using var app = ControllerHost.Build([]);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.Equal(information, logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task ControllerHost_SqlCommandLevelFlag_LogsEverySqlCommand()
    {
        await using var app = ControllerHost.Build([$"--Logging:LogLevel:{SqlCommands}=Information"]);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(SqlCommands);

        Assert.True(logger.IsEnabled(LogLevel.Information));
    }
}
