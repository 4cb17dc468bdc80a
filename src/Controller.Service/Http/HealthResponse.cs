using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Controller.Service.Http;

/// <summary>
/// Writes the health report as JSON with each check's status, so an operator sees which part is down. A check that
/// threw is described only as failed: exception text (connection strings, hosts, users) is for the log, where the
/// health check service already writes it, not for whoever can reach <c>/health</c>.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Exception is null ? e.Value.Description : "the check failed; the cause is in the controller's log",
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
