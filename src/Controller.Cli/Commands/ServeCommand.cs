using System.CommandLine;
using Controller.Service;
using Microsoft.Extensions.Hosting;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>controller serve</c>: the controller service, configured by appsettings.json, environment
/// variables (<c>Bus__Transport=RabbitMq</c>) and flags. Unrecognised <c>--Section:Key value</c>
/// pairs are passed to the configuration as they are.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var transport = new Option<string?>("--transport") { Description = "InMemory (default) or RabbitMq; same as Bus:Transport." };
        var store = new Option<string?>("--store") { Description = "Sqlite (default) or Postgres; same as Store:Provider." };
        var connection = new Option<string?>("--connection-string") { Description = "Store connection string; same as Store:ConnectionString." };
        var urls = new Option<string?>("--urls") { Description = "HTTP listen addresses, e.g. http://127.0.0.1:8080." };
        var command = new Command("serve", "Run the controller service (HTTP API, consumers, decision path).")
        {
            transport, store, connection, urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var args = new List<string>(parse.UnmatchedTokens);
            AddSetting(args, "Bus:Transport", parse.GetValue(transport));
            AddSetting(args, "Store:Provider", parse.GetValue(store));
            AddSetting(args, "Store:ConnectionString", parse.GetValue(connection));
            AddSetting(args, "urls", parse.GetValue(urls));
            var app = ControllerHost.Build([.. args]);
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
