using Controller.Offloading.Placement;
using Controller.Persistence.Entities;
using Controller.Persistence.Stores;
using Controller.Service.Decisions;
using Controller.Service.Logging;
using Microsoft.Extensions.Logging;

namespace Controller.Service.Policies;

/// <summary>
/// Asks each shadow policy what it would decide for a live request and logs its choice and propensity in
/// <c>ShadowDecisions</c>, keyed by the live decision. Nothing it does reaches the agent: a shadow that throws or a log
/// write that fails is logged and the live decision goes on.
/// </summary>
public sealed class ShadowScorer(PolicyRegistryStore registry, DecisionRandom random, ILogger<ShadowScorer> logger)
{
    public async Task ScoreAsync(Guid decisionId, PlacementContext context, IReadOnlyList<IPlacementPolicy> shadows, DateTimeOffset decidedAt)
    {
        var rows = new List<ShadowDecisionEntity>(shadows.Count);
        foreach (var shadow in shadows)
        {
            try
            {
                var choice = random.With(r => shadow.Decide(context, r));
                rows.Add(new ShadowDecisionEntity
                {
                    DecisionId = decisionId,
                    PolicyName = shadow.Name,
                    PolicyVersion = shadow.Version,
                    ActionIndex = choice.ActionIndex,
                    Location = choice.Location.ToString(),
                    UploadModalityIds = [.. choice.UploadModalityIds],
                    DraftLength = choice.DraftLength,
                    Propensity = choice.Propensity,
                    ExpectedLatencyMs = choice.Expected.LatencyMs,
                    ExpectedCostUsd = choice.Expected.CloudCostUsd,
                    ExpectedEnergyJoules = choice.Expected.DeviceEnergyJoules,
                    DecidedAt = decidedAt,
                });
            }
            catch (Exception ex)
            {
                Log.ShadowFailed(logger, ex, shadow.Name, shadow.Version, decisionId);
            }
        }

        try
        {
            // The live decision is already answered-to-be; a cancel must not lose its shadows halfway.
            await registry.RecordShadowDecisionsAsync(rows, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.ShadowFailed(logger, ex, "(log write)", "", decisionId);
        }
    }
}
