namespace Controller.Service.Validation;

/// <summary>
/// A message that can never be processed, whatever the retries: it is faulted straight to the error
/// queue (AMQP) or answered with HTTP 400 (HTTP), and nothing is written.
/// </summary>
public sealed class InvalidMessageException : Exception
{
    public InvalidMessageException(string messageType, IReadOnlyList<ValidationError> errors)
        : base($"Invalid {messageType}: {string.Join("; ", errors)}")
    {
        MessageType = messageType;
        Errors = errors;
    }

    public string MessageType { get; }

    public IReadOnlyList<ValidationError> Errors { get; }
}
