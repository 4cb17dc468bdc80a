using Controller.Service.Ingestion;
using Controller.Service.Validation;
using MassTransit;

namespace Controller.Service.Consumers;

internal static class PermanentFailures
{
    /// <summary>
    /// Retries transient failures (database busy, broker hiccup) a few times with back-off, but never
    /// retries a message that can never succeed: it goes straight to the error queue with its reason.
    /// </summary>
    public static void UseTransientRetry(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry =>
        {
            retry.Ignore<InvalidMessageException>();
            retry.Ignore<UnknownDecisionException>();
            retry.Ignore<System.Text.Json.JsonException>();
            retry.Exponential(5, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
        });
}
