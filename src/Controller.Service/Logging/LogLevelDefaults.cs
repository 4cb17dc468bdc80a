using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Controller.Service.Logging;

/// <summary>
/// The log levels the service runs with unless configuration says otherwise: the controller's own events at
/// Information; the frameworks (ASP.NET Core, EF Core — which logs every SQL command at Information —, MassTransit,
/// Npgsql) at Warning; and the host's lifetime lines ("Now listening on: …") at Information, so an operator sees
/// where it listens. They are the lowest-priority configuration source: appsettings.json,
/// <c>Logging__LogLevel__…</c> variables and <c>--Logging:LogLevel:…=…</c> flags override them.
/// </summary>
public static class LogLevelDefaults
{
    /// <summary>Category prefix → level, as under <c>Logging:LogLevel</c>.</summary>
    public static IReadOnlyDictionary<string, string> Levels { get; } = new Dictionary<string, string>
    {
        ["Default"] = "Warning",
        ["Controller"] = "Information",
        ["Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>Puts <see cref="Levels"/> beneath every other source of <paramref name="configuration"/>.</summary>
    public static void AddBeneath(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = Levels.Select(level => new KeyValuePair<string, string?>($"Logging:LogLevel:{level.Key}", level.Value)),
        });
}
