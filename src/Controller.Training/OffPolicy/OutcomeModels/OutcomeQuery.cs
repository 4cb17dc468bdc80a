namespace Controller.Training.OffPolicy.OutcomeModels;

/// <summary>"What outcome would <paramref name="Action"/> have had in <paramref name="Decision"/>'s situation?"</summary>
public readonly record struct OutcomeQuery(LoggedDecision Decision, int Action);
