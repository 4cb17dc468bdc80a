using System.Text.Json;
using Controller.Contracts;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;
using Controller.Persistence.Entities;

namespace Controller.Service.Policies;

/// <summary>
/// What one decision earned, from its joined outcome, with the decision model's reward (docs/decision-model.md §5,
/// <see cref="GreedyBudgetOptions.Reward"/>): r = w_Q·Q + w_A·A − w_L·latency/SLO − w_$·spend/$_ref − w_E·energy/E_ref
/// on the measured latency, spend, energy and quality (Q = 0 when the agent reported no quality score), A the executed
/// modalities' share of the offered relevance. A violation is a measured latency over the request's SLO, the one
/// budget a single decision has on record.
/// </summary>
public static class LiveReward
{
    /// <summary>Reward and violation of <paramref name="decision"/>; null when it has no outcome or its request does not read.</summary>
    public static (double Reward, bool Violated)? Of(DecisionEntity decision, GreedyBudgetOptions weights)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(weights);
        if (decision.Outcome is not { } outcome)
        {
            return null;
        }

        RequestPlacement? request;
        try
        {
            request = JsonSerializer.Deserialize<RequestPlacement>(decision.RequestJson, ContractJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }

        if (request is null || !(request.LatencySloMs > 0))
        {
            return null;
        }

        double Relevance(ModalityOffer m) => m.RelevanceScore ?? PlacementDefaults.Conservative.UnknownRelevance;
        var offered = request.Modalities.Sum(Relevance);
        var executed = request.Modalities.Where(m => outcome.ExecutedModalityIds.Contains(m.Id, StringComparer.Ordinal)).Sum(Relevance);
        var association = offered > 0 ? executed / offered : 0;
        var cost = new ModeCost(outcome.TotalLatencyMs, outcome.TimeToFirstTokenMs, outcome.DeviceEnergyJoules, outcome.CloudCostUsd, outcome.BytesUp, outcome.BytesDown);
        var reward = weights.Reward(outcome.QualityScore ?? 0, association, cost, request.LatencySloMs);
        return (reward, outcome.TotalLatencyMs > request.LatencySloMs);
    }
}
