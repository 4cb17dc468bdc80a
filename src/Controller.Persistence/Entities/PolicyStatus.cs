namespace Controller.Persistence.Entities;

/// <summary>Lifecycle stage of a policy version. Stored as its name.</summary>
public enum PolicyStatus
{
    /// <summary>Trained, not yet evaluated or serving.</summary>
    Candidate,
    /// <summary>Scores live requests without its decisions being applied.</summary>
    Shadow,
    /// <summary>Answers a small share of live requests.</summary>
    Canary,
    /// <summary>Answers placement requests. At most one policy row is active.</summary>
    Active,
    /// <summary>Replaced by a newer active policy.</summary>
    Retired,
    /// <summary>Taken out of service by a guardrail or an operator.</summary>
    RolledBack,
}
