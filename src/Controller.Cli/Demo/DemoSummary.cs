using Controller.EdgeAgent.Simulation;
using Controller.Persistence.Queries;
using Controller.Service.Metrics;

namespace Controller.Cli.Demo;

/// <summary>
/// The demo's result. Counts come from the database (what the controller logged), means from the
/// agents' reports, decision latency from the controller's own decision-path histogram.
/// </summary>
internal sealed record DemoSummary(
    int Agents,
    double DurationSeconds,
    long Heartbeats,
    long Decisions,
    long Outcomes,
    long OutcomesJoinedToDecisions,
    long Local,
    long Cloud,
    long Speculative,
    long Fallbacks,
    double MeanLatencyMs,
    double MeanCostUsd,
    double TotalCostUsd,
    double MeanEnergyJoules,
    double MeanQuality,
    double DecisionsPerSecond,
    double DecisionLatencyP50Us,
    double DecisionLatencyP99Us,
    double RoundTripP50Us,
    double RoundTripP99Us)
{
    public static DemoSummary From(FleetSummary agents, ControllerStats stored, DecisionMetrics metrics, DemoSettings settings) => new(
        settings.Agents,
        settings.Duration.TotalSeconds,
        stored.Heartbeats,
        stored.Decisions,
        stored.Outcomes,
        stored.OutcomesJoinedToDecisions,
        stored.DecisionsByLocation.GetValueOrDefault("Local"),
        stored.DecisionsByLocation.GetValueOrDefault("Cloud"),
        stored.DecisionsByLocation.GetValueOrDefault("Speculative"),
        agents.Fallbacks,
        agents.MeanLatencyMs,
        agents.MeanCostUsd,
        agents.TotalCostUsd,
        agents.MeanEnergyJoules,
        agents.MeanQuality,
        stored.Decisions / settings.Duration.TotalSeconds,
        metrics.DecisionLatency.PercentileMicroseconds(0.50),
        metrics.DecisionLatency.PercentileMicroseconds(0.99),
        agents.RoundTripP50Us,
        agents.RoundTripP99Us);
}
