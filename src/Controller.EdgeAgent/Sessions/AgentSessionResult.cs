using Controller.Contracts;

namespace Controller.EdgeAgent.Sessions;

/// <summary>What one request's session did.</summary>
/// <param name="Path">Obeyed, fell back (and why), or rejected.</param>
/// <param name="Decision">The controller's decision; null when none arrived or the request was rejected.</param>
/// <param name="Outcome">The outcome the agent reported for <paramref name="Decision"/>; null without a decision.</param>
/// <param name="OutcomeDelivered">True when the controller accepted <paramref name="Outcome"/> (after retries, exactly once).</param>
/// <param name="DecisionRoundTripTicks">Stopwatch ticks from the first ask to the decision; 0 without one.</param>
public sealed record AgentSessionResult(
    AgentSessionPath Path,
    PlacementDecided? Decision,
    OutcomeReported? Outcome,
    bool OutcomeDelivered,
    long DecisionRoundTripTicks);
