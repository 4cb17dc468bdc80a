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

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Request {RequestId} was asked again by device {DeviceId} in dialogue {DialogueId}, but decision {DecisionId} on record was made for device {RecordedDeviceId} in dialogue {RecordedDialogueId}; refused")]
    public static partial void RequestIdReused(ILogger logger, Guid requestId, string deviceId, string dialogueId, Guid decisionId, string recordedDeviceId, string recordedDialogueId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Outcome for decision {DecisionId} came from device {DeviceId}, but the decision was made for device {RecordedDeviceId}; refused")]
    public static partial void OutcomeFromOtherDevice(ILogger logger, Guid decisionId, string deviceId, string recordedDeviceId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "{MessageType} message {MessageId} failed; the sender's fault says only that it failed and names this message id")]
    public static partial void ConsumerFailed(ILogger logger, Exception exception, string messageType, Guid? messageId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Rejected {MessageType} over HTTP: {Reason}")]
    public static partial void RejectedHttp(ILogger logger, string messageType, string reason);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Policy {PolicyName} {PolicyVersion} ({Algorithm}) is active")]
    public static partial void PolicyActivated(ILogger logger, string policyName, string policyVersion, string algorithm);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Policy {PolicyName} {PolicyVersion} is active on record and stays so; this process answers with {ServingName} {ServingVersion}, which it can load")]
    public static partial void PromotedPolicyKept(ILogger logger, string policyName, string policyVersion, string servingName, string servingVersion);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Controller using {Transport} transport and {Provider} store")]
    public static partial void Starting(ILogger logger, string transport, string provider);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Policy {PolicyName} {PolicyVersion} cannot be served by this replica: {Reason}")]
    public static partial void PolicyNotLoadable(ILogger logger, string policyName, string policyVersion, string reason);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning, Message = "Reading the policy registry failed; serving the policies loaded before and retrying")]
    public static partial void RegistryRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Shadow policy {PolicyName} {PolicyVersion} failed on decision {DecisionId}; the live decision is unaffected")]
    public static partial void ShadowFailed(ILogger logger, Exception exception, string policyName, string policyVersion, Guid decisionId);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Warning, Message = "Rolled back policy {PolicyName} {PolicyVersion}: {Reason}")]
    public static partial void PolicyRolledBack(ILogger logger, string policyName, string policyVersion, string reason);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Warning, Message = "The rollback check failed; trying again at the next interval")]
    public static partial void RollbackCheckFailed(ILogger logger, Exception exception);
}
