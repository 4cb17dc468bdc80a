namespace Controller.EdgeAgent.Clients;

/// <summary>The controller refused a message as invalid; retrying the same message cannot succeed.</summary>
public sealed class ControllerRejectedException(string message, Exception? inner = null) : Exception(message, inner);
