namespace Controller.EdgeAgent.Sessions;

/// <summary>How an <see cref="AgentSession"/> served a request.</summary>
public enum AgentSessionPath
{
    /// <summary>The controller decided in time and the agent ran its decision.</summary>
    Obeyed,

    /// <summary>No decision came (timeout or transport failure, twice): the agent ran the local model and reported nothing, having no decision to join an outcome to.</summary>
    FellBackUnanswered,

    /// <summary>The decision arrived after its expiry: the agent ran the local model and reported that as the decision's outcome.</summary>
    FellBackExpired,

    /// <summary>The controller refused the request as invalid: nothing ran, nothing was reported.</summary>
    Rejected,
}
