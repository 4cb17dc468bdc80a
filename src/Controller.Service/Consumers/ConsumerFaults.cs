using Controller.Service.Ingestion;
using Controller.Service.Logging;
using Controller.Service.Validation;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Controller.Service.Consumers;

/// <summary>
/// Keeps exception text out of faults. MassTransit sends a fault's exception message, type and inner exceptions back
/// to the requester and into the error queue's headers; an unexpected failure (a database error, a bug) would hand a
/// sender connection details and internals. Contract errors, which name the sender's own bad field, pass unchanged.
/// Used inside the consumer, so the endpoint's retry still sees (and retries) the failure.
/// </summary>
internal static class ConsumerFaults
{
    public static async Task GuardAsync<T>(ConsumeContext<T> context, ILogger logger, Func<Task> consume)
        where T : class
    {
        try
        {
            await consume();
        }
        catch (Exception exception) when (exception is not (InvalidMessageException or UnknownDecisionException or OperationCanceledException))
        {
            Log.ConsumerFailed(logger, exception, typeof(T).Name, context.MessageId);
            throw new ControllerFaultException(typeof(T).Name, context.MessageId);
        }
    }
}

/// <summary>What a sender learns of an unexpected failure: that it happened, and the message id to find it in the logs.</summary>
public sealed class ControllerFaultException(string messageType, Guid? messageId)
    : Exception($"The controller could not process {messageType} message {messageId}; the cause is in its log under that message id.");
