using System.CommandLine;
using Controller.EdgeAgent.Clients;
using Controller.EdgeAgent.Daemon;
using Controller.EdgeAgent.Outbox;
using Controller.EdgeAgent.Probes;
using Controller.Offloading.Devices;
using MassTransit;
using Microsoft.Extensions.Configuration;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>controller edge-agent</c>: the agent daemon on a real device. Settings: <c>edge-agent.json</c> beside the
/// executable, then environment variables (<c>EdgeAgent__DeviceId=kitchen-pi</c>), then <c>--EdgeAgent:Key=value</c>.
/// Runs until Ctrl+C or SIGTERM, then flushes its outbox.
/// </summary>
internal static class EdgeAgentCommand
{
    public const string Name = "edge-agent";

    /// <summary>How long the process may take to stop after SIGTERM or Ctrl+C: the longest flush allowed and a margin.</summary>
    public static TimeSpan TerminationTimeout { get; } = TimeSpan.FromSeconds(EdgeAgentOptions.MaxFlushTimeoutSeconds + 5);

    public static string SettingsFile => Path.Combine(AppContext.BaseDirectory, "edge-agent.json");

    public static Command Create()
    {
        var command = new Command(
            Name,
            $"Run the edge agent daemon: heartbeats from /proc and /sys through a durable SQLite outbox to the controller. Settings are read from {SettingsFile},"
            + " then environment variables (EdgeAgent__DeviceId=kitchen-pi), then --EdgeAgent:Key=value flags.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var options = new EdgeAgentOptions();
            try
            {
                new ConfigurationBuilder()
                    .AddJsonFile(SettingsFile, optional: true)
                    .AddEnvironmentVariables()
                    .AddCommandLine([.. parse.UnmatchedTokens])
                    .Build()
                    .GetSection("EdgeAgent")
                    .Bind(options);
                options.Validate();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync($"edge-agent: {ex.Message}");
                return 2;
            }

            SqliteOutbox outbox;
            try
            {
                outbox = await SqliteOutbox.OpenAsync(options.OutboxPath, options.OutboxCapacity, ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                await Console.Error.WriteLineAsync($"edge-agent: outbox '{options.OutboxPath}': {ex.Message}");
                return 2;
            }

            await using (outbox)
            {
                var estimator = new NetworkEstimator();
                IBusControl? bus = null;
                HttpClient? http = null;
                try
                {
                    IControllerClient controller;
                    if (options.Transport == AgentTransport.RabbitMq)
                    {
                        bus = await RabbitMqAgentBus.StartAsync(new Uri(options.RabbitMqUri), ct);
                        controller = new BusControllerClient(bus, TimeSpan.FromSeconds(10));
                    }
                    else
                    {
                        http = new HttpClient(new MeasuringHandler(estimator) { InnerHandler = new SocketsHttpHandler() })
                        {
                            BaseAddress = new Uri(options.ControllerUrl.TrimEnd('/') + "/"),
                            Timeout = TimeSpan.FromSeconds(10),
                        };
                        controller = new HttpControllerClient(http);
                    }

                    var dispatcher = new OutboxDispatcher(outbox, controller, new OutboxOptions { Path = options.OutboxPath, Capacity = options.OutboxCapacity }, TimeProvider.System);
                    var composer = new HeartbeatComposer(
                        options.DeviceId, DeviceProfiles.Get(options.DeviceClass), options.Network, new LinuxDeviceProbe(options.ProbeRoot), estimator,
                        options.EnergyBudgetJoules, TimeSpan.FromSeconds(options.EnergyWindowSeconds), TimeProvider.System);
                    var daemon = new EdgeAgentDaemon(
                        new OutboxControllerClient(controller, outbox, dispatcher, TimeProvider.System), dispatcher, composer,
                        TimeSpan.FromSeconds(options.HeartbeatSeconds), TimeSpan.FromSeconds(options.FlushTimeoutSeconds), TimeProvider.System);
                    await Console.Out.WriteLineAsync($"edge-agent: device {options.DeviceId} ({options.DeviceClass}) → {(bus is null ? options.ControllerUrl : "RabbitMQ")}, outbox {Path.GetFullPath(options.OutboxPath)}");
                    var flushed = await daemon.RunAsync(ct);
                    var counters = await outbox.CountersAsync(CancellationToken.None);
                    await Console.Out.WriteLineAsync($"edge-agent: stopped; sent {dispatcher.Sent}, pending {counters.Pending}, dropped {counters.Dropped}, quarantined {counters.Quarantined}");
                    return flushed ? 0 : 1;
                }
                catch (Exception ex) when (ex is not OperationCanceledException && bus is null && options.Transport == AgentTransport.RabbitMq)
                {
                    await Console.Error.WriteLineAsync($"edge-agent: cannot connect to RabbitMQ at {new Uri(options.RabbitMqUri).Host}: {ex.Message}");
                    return 2;
                }
                finally
                {
                    http?.Dispose();
                    if (bus is not null)
                    {
                        await bus.StopAsync(CancellationToken.None);
                    }
                }
            }
        });
        return command;
    }
}
