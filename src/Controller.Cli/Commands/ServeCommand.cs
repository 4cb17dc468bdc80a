using System.CommandLine;
using Controller.Cli.Output;
using Controller.Persistence;
using Controller.Service;
using Controller.Service.Options;
using Microsoft.Extensions.Hosting;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>controller serve</c>: the controller service, configured by the appsettings.json next to the executable,
/// environment variables (<c>Bus__Transport=RabbitMq</c>) and flags. Unrecognised <c>--Section:Key=value</c>
/// pairs are passed to the configuration as they are.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var transport = new Option<string?>("--transport") { Description = $"InMemory or RabbitMq; overrides Bus:Transport (default {new BusOptions().Transport})." };
        var store = new Option<string?>("--store") { Description = $"Sqlite or Postgres; overrides Store:Provider (default {new StoreOptions().Provider})." };
        var connection = new Option<string?>("--connection-string") { Description = $"Store connection string; overrides Store:ConnectionString (default {new StoreOptions().ConnectionString})." };
        var policy = PolicyOption.Create();
        var urls = new Option<string?>("--urls") { Description = "HTTP listen addresses, e.g. http://127.0.0.1:8080; overrides urls and ASPNETCORE_URLS (default http://localhost:5000)." };
        var command = new Command(
            "serve",
            "Run the controller service (HTTP API, consumers, decision path). Settings are read from " + ControllerHost.SettingsFile
            + " (every key at its default), then appsettings.{Environment}.json beside it, environment variables (Store__Provider=Postgres),"
            + " and flags: the options below or any key as --Section:Key=value (--Decision:Epsilon=0.1,"
            + " --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information to log every SQL command).")
        {
            transport, store, connection, urls, policy,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var args = new List<string>(parse.UnmatchedTokens);
            AddSetting(args, "Bus:Transport", parse.GetValue(transport));
            AddSetting(args, "Store:Provider", parse.GetValue(store));
            AddSetting(args, "Store:ConnectionString", parse.GetValue(connection));
            AddSetting(args, "urls", parse.GetValue(urls));
            AddSetting(args, "Decision:Policy", parse.GetValue(policy));
            var app = ControllerHost.Build([.. args], builder => Terminal.StyleLogs(builder.Logging));
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static void AddSetting(List<string> args, string key, string? value)
    {
        if (value is not null)
        {
            args.Add($"--{key}={value}");
        }
    }
}
