namespace Controller.EdgeAgent.Sessions;

/// <summary>The safety limits of an <see cref="AgentSession"/>.</summary>
public sealed record AgentSessionOptions
{
    /// <summary>How long one ask for a decision may take before the agent stops waiting. Default 10 s.</summary>
    public TimeSpan DecisionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts to deliver an outcome through transient failures before giving up. Default 5.</summary>
    public int OutcomeAttempts { get; init; } = 5;

    /// <summary>Back-off unit: after failed attempt n the agent waits n × this. Default 100 ms.</summary>
    public TimeSpan OutcomeBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (DecisionTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DecisionTimeout), DecisionTimeout, "DecisionTimeout must be positive");
        }

        if (OutcomeAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(OutcomeAttempts), OutcomeAttempts, "OutcomeAttempts must be at least 1");
        }

        if (OutcomeBackoff < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(OutcomeBackoff), OutcomeBackoff, "OutcomeBackoff must not be negative");
        }
    }
}
