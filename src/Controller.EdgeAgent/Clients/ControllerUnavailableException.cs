namespace Controller.EdgeAgent.Clients;

/// <summary>The controller could not be reached or did not answer in time; the agent applies its fallback.</summary>
public sealed class ControllerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
