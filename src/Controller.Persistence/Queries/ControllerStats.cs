namespace Controller.Persistence.Queries;

/// <summary>Row counts for the demo summary and the dashboard.</summary>
/// <param name="Devices">Devices that sent at least one heartbeat.</param>
/// <param name="Heartbeats">Stored heartbeats.</param>
/// <param name="Decisions">Logged decisions.</param>
/// <param name="Outcomes">Stored outcomes.</param>
/// <param name="OutcomesJoinedToDecisions">Outcomes whose decision is stored (all of them, by the foreign key; counted by join so the summary shows it).</param>
/// <param name="DecisionsByLocation">Decisions per decided location name.</param>
/// <param name="OutcomesByExecutedLocation">Outcomes per executed location name (differs from the decision when an agent fell back).</param>
public sealed record ControllerStats(
    long Devices,
    long Heartbeats,
    long Decisions,
    long Outcomes,
    long OutcomesJoinedToDecisions,
    IReadOnlyDictionary<string, long> DecisionsByLocation,
    IReadOnlyDictionary<string, long> OutcomesByExecutedLocation);
