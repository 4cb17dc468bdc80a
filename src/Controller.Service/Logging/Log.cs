using Microsoft.Extensions.Logging;

namespace Controller.Service.Logging;

/// <summary>Every log message the service writes, with a stable event id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Heartbeat {HeartbeatId} from {DeviceId} was already stored; redelivery ignored")]
    public static partial void DuplicateHeartbeat(ILogger logger, Guid heartbeatId, string deviceId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Outcome for decision {DecisionId} was already stored; redelivery ignored")]
    public static partial void DuplicateOutcome(ILogger logger, Guid decisionId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Request {RequestId} was asked again; answering with decision {DecisionId} already on record")]
    public static partial void RepeatedRequest(ILogger logger, Guid requestId, Guid decisionId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Rejected {MessageType} over HTTP: {Reason}")]
    public static partial void RejectedHttp(ILogger logger, string messageType, string reason);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Policy {PolicyName} {PolicyVersion} ({Algorithm}) is active")]
    public static partial void PolicyActivated(ILogger logger, string policyName, string policyVersion, string algorithm);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Controller using {Transport} transport and {Provider} store")]
    public static partial void Starting(ILogger logger, string transport, string provider);
}
