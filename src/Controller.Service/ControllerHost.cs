using Controller.Persistence;
using Controller.Service.Extensions;
using Controller.Service.Http;
using Controller.Service.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service;

/// <summary>
/// Builds the controller service. Read it as the table of contents of the service: each capability is
/// one line, and its wiring lives in an <c>Extensions</c> file.
/// </summary>
public static class ControllerHost
{
    /// <summary>
    /// The settings file the service reads first: the <c>appsettings.json</c> shipped next to the executable that
    /// hosts it (every key at its default), whatever the working directory.
    /// </summary>
    public static string SettingsFile => Path.Combine(AppContext.BaseDirectory, "appsettings.json");

    /// <param name="args">Command-line configuration (<c>--Bus:Transport RabbitMq</c>, <c>--urls …</c>).</param>
    /// <param name="configure">Lets hosts (the CLI, tests) add configuration or services before building.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(ControllerHost).Assembly.GetName().Name,
            ContentRootPath = Path.GetDirectoryName(SettingsFile),
        });
        LogLevelDefaults.AddBeneath(builder.Configuration);
        configure?.Invoke(builder);

        builder.Services.AddControllerPersistence(builder.Configuration);
        builder.Services.AddControllerBus(builder.Configuration);
        builder.Services.AddDecisionPath(builder.Configuration);
        builder.Services.AddPolicyRollout(builder.Configuration);
        builder.Services.AddControllerHealthChecks();

        var app = builder.Build();
        app.UseContractErrors();
        app.MapControllerApi();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }
}
