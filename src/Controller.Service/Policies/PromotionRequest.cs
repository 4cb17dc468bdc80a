using Controller.Persistence.Entities;

namespace Controller.Service.Policies;

/// <summary>What the promotion gate judges.</summary>
/// <param name="Candidate">The version to move.</param>
/// <param name="Active">The version active now; null when none is.</param>
/// <param name="Target">Where the candidate would go: <see cref="PolicyStatus.Canary"/> or <see cref="PolicyStatus.Active"/>.</param>
/// <param name="Evidence">The logged data to judge it on.</param>
public sealed record PromotionRequest(PolicyEntity Candidate, PolicyEntity? Active, PolicyStatus Target, PromotionEvidence Evidence);

/// <summary>Logged evidence for a promotion.</summary>
/// <param name="LoggedDecisions">Live decisions with their outcomes joined (<see cref="DecisionEntity.Outcome"/> set), with the propensities they were logged with, oldest first.</param>
/// <param name="CandidateShadowDecisions">The candidate's shadow decisions on those live requests (keyed by the live decision id).</param>
public sealed record PromotionEvidence(IReadOnlyList<DecisionEntity> LoggedDecisions, IReadOnlyList<ShadowDecisionEntity> CandidateShadowDecisions);

/// <summary>The gate's answer.</summary>
/// <param name="Passed">True to allow the move.</param>
/// <param name="Reasons">Why, in words recorded in the history and printed by the CLI; at least one.</param>
public sealed record PromotionVerdict(bool Passed, IReadOnlyList<string> Reasons)
{
    public static PromotionVerdict Pass(params string[] reasons) => new(true, reasons);

    public static PromotionVerdict Refuse(params string[] reasons) => new(false, reasons);
}
