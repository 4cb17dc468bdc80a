namespace Controller.Training.OffPolicy;

/// <summary>How many of the evaluated decisions one logging policy version made.</summary>
public sealed record LoggingPolicyCount(string PolicyName, string PolicyVersion, int Decisions);
