namespace Controller.EdgeAgent.Runners;

/// <summary>A model call failed (server unreachable, an error status, a stream that broke off); the message names the model and the endpoint.</summary>
public sealed class ModelRunnerException(string message, Exception? inner = null) : Exception(message, inner);
