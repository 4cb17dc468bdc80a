namespace Controller.Service.Http;

/// <summary>A request body over <see cref="ContractBody.MaxBytes"/>; answered with 413 before anything is parsed or stored.</summary>
public sealed class PayloadTooLargeException(string messageType, string reason) : Exception(reason)
{
    /// <summary>The contract the body was meant to be.</summary>
    public string MessageType { get; } = messageType;
}
