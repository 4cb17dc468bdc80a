using Controller.Contracts;
using Controller.Persistence;
using Controller.Service.Decisions;
using Controller.Service.Ingestion;
using Controller.Service.Logging;
using Controller.Service.Metrics;
using Controller.Service.Policies;
using Controller.Persistence.Stores;
using Controller.Service.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Controller.Service.Http;

/// <summary>
/// The three agent operations over HTTP/JSON for agents without AMQP, plus read-only status.
/// Errors are RFC 7807 problem documents whose <c>errors</c> map names each offending field.
/// </summary>
public static class ControllerApi
{
    public static IEndpointRouteBuilder MapControllerApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");

        v1.MapPost("/heartbeats", async (HttpRequest http, HeartbeatIngestor ingestor, CancellationToken ct) =>
        {
            var heartbeat = await ContractBody.ReadAsync<HeartbeatReported>(http, ct);
            var stored = await ingestor.IngestAsync(heartbeat, ct);
            return Results.Accepted(value: new { stored, duplicate = !stored });
        });

        v1.MapPost("/placements", async (HttpRequest http, DecisionService decisions, CancellationToken ct) =>
        {
            var request = await ContractBody.ReadAsync<RequestPlacement>(http, ct);
            return Results.Json(await decisions.DecideAsync(request, ct), ContractJson.Options);
        });

        v1.MapPost("/outcomes", async (HttpRequest http, OutcomeIngestor ingestor, CancellationToken ct) =>
        {
            var outcome = await ContractBody.ReadAsync<OutcomeReported>(http, ct);
            var stored = await ingestor.IngestAsync(outcome, ct);
            return Results.Accepted(value: new { stored, duplicate = !stored });
        });

        v1.MapGet("/stats", async (CachedStats stats, DecisionMetrics metrics, CancellationToken ct) =>
        {
            var counts = await stats.GetAsync(ct);
            return Results.Ok(new
            {
                counts,
                decisionLatencyP50Us = metrics.DecisionLatency.PercentileMicroseconds(0.50),
                decisionLatencyP99Us = metrics.DecisionLatency.PercentileMicroseconds(0.99),
                rejected = metrics.Rejected,
                ingested = new
                {
                    heartbeats = metrics.HeartbeatsStored,
                    duplicateHeartbeats = metrics.DuplicateHeartbeats,
                    outcomes = metrics.OutcomesStored,
                    duplicateOutcomes = metrics.DuplicateOutcomes,
                },
            });
        });

        v1.MapGet("/policies/active", (ActivePolicy policy) => policy.IsActive
            ? Results.Ok(new { policy.Current.Name, policy.Current.Version, policy.Current.Algorithm })
            : Results.Problem("No policy is active yet.", statusCode: StatusCodes.Status503ServiceUnavailable));

        v1.MapGet("/policies/{name}/{version}/bundle", async (string name, string version, PolicyStore policies, PolicyRegistryStore registry, CancellationToken ct) =>
        {
            var policy = await policies.FindAsync(name, version, ct);
            var bundle = policy is null ? null : await registry.FindBundleAsync(name, version, ct);
            if (policy?.ManifestJson is null || bundle is null)
            {
                var detail = policy is null ? $"No policy {name}/{version} is registered." : $"Policy {name}/{version} is built in and has no bundle.";
                return Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Unknown policy bundle");
            }

            var weightsFile = StoredBundles.Read(policy, bundle).Manifest.WeightsFile;
            var package = PolicyPackage.Build(name, version, policy.ManifestJson, weightsFile, bundle.Weights);
            return Results.Bytes(package, PolicyPackage.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{bundle.PackageSha256}\""));
        });

        return app;
    }

    /// <summary>Maps the exceptions that mean "your input is wrong" to 400/404/413 with the field named.</summary>
    public static IApplicationBuilder UseContractErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (InvalidMessageException ex)
            {
                LogRejected(context, ex.MessageType, ex.Message);
                var errors = ex.Errors
                    .GroupBy(e => e.Field)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
                await Results.ValidationProblem(errors, detail: ex.Message, title: $"Invalid {ex.MessageType}")
                    .ExecuteAsync(context);
            }
            catch (PayloadTooLargeException ex)
            {
                LogRejected(context, ex.MessageType, ex.Message);
                await Results.Problem(ex.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: $"{ex.MessageType} too large",
                        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["$"] = [ex.Message] } })
                    .ExecuteAsync(context);
            }
            catch (UnknownDecisionException ex)
            {
                LogRejected(context, nameof(OutcomeReported), ex.Message);
                await Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown decision",
                        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["decisionId"] = [ex.Message] } })
                    .ExecuteAsync(context);
            }
        });

    private static void LogRejected(HttpContext context, string messageType, string reason)
    {
        var loggers = context.RequestServices.GetRequiredService<ILoggerFactory>();
        Log.RejectedHttp(loggers.CreateLogger(typeof(ControllerApi).FullName!), messageType, reason);
    }
}
